package org.brevet.server.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import org.brevet.server.ClusterAdmin;
import org.brevet.server.InstanceLayout;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code brevet ca demote}: this node gives up the CRL master role and never takes it until promoted. */
@Command(name = "demote", mixinStandardHelpOptions = true,
        description = {"Make this instance's node a standby: it releases the CRL master lease and does not take it",
            "again until 'brevet ca promote'. Another node becomes master at its next heartbeat."},
        exitCodeListHeading = "%nExit codes:%n", exitCodeList = {
            "0:success", "2:no instance, or the node never started", "3:database unreachable", "5:internal error (see the log)"})
public final class CaDemoteCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--instance", required = true, paramLabel = "DIR", description = "the instance to demote")
    Path instance;

    @Override
    public Integer call() {
        return ExitCodes.run(spec.commandLine().getErr(), () -> {
            String node = new ClusterAdmin(Clock.systemUTC()).demote(InstanceLayout.of(instance));
            spec.commandLine().getOut().println("node " + node + " is a standby");
            spec.commandLine().getOut().flush();
            return ExitCodes.OK;
        });
    }
}
