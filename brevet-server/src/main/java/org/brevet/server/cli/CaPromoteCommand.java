package org.brevet.server.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import org.brevet.ca.api.Lease;
import org.brevet.server.ClusterAdmin;
import org.brevet.server.InstanceLayout;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code brevet ca promote}: make this node the CRL master now (seed 004 §9.5, without editing CS.cfg). */
@Command(name = "promote", mixinStandardHelpOptions = true,
        description = {"Make this instance's node the CRL master now.",
            "Takes the CRL master lease in the shared database (the previous master stops at its next heartbeat) and",
            "clears a previous demote. The running server generates a CRL at its next heartbeat."},
        exitCodeListHeading = "%nExit codes:%n", exitCodeList = {
            "0:success", "2:no instance, or the node never started", "3:database unreachable", "5:internal error (see the log)"})
public final class CaPromoteCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--instance", required = true, paramLabel = "DIR", description = "the instance to promote")
    Path instance;

    @Override
    public Integer call() {
        return ExitCodes.run(spec.commandLine().getErr(), () -> {
            Lease lease = new ClusterAdmin(Clock.systemUTC()).promote(InstanceLayout.of(instance));
            spec.commandLine().getOut().println("node " + lease.holder() + " is the CRL master (term " + lease.fencingToken() + ")");
            spec.commandLine().getOut().flush();
            return ExitCodes.OK;
        });
    }
}
