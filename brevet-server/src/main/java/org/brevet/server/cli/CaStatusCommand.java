package org.brevet.server.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import org.brevet.server.ClusterAdmin;
import org.brevet.server.InstanceLayout;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code brevet ca status}: the nodes of the cluster, their roles and heartbeats, the CRL master lease and CRL number. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = {"Show the nodes of the CA's cluster (from its database): role (master, clone, standby), last",
            "heartbeat, the CRL master lease and the number of the latest CRL."},
        exitCodeListHeading = "%nExit codes:%n", exitCodeList = {
            "0:success", "2:no instance or bad configuration", "3:database unreachable", "5:internal error (see the log)"})
public final class CaStatusCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--instance", required = true, paramLabel = "DIR", description = "any instance of the CA")
    Path instance;

    private final Clock clock;

    public CaStatusCommand() {
        this(Clock.systemUTC());
    }

    CaStatusCommand(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Integer call() {
        return ExitCodes.run(spec.commandLine().getErr(), () -> {
            print(spec.commandLine().getOut(), new ClusterAdmin(clock).status(InstanceLayout.of(instance)));
            return ExitCodes.OK;
        });
    }

    static void print(PrintWriter out, ClusterAdmin.Status status) {
        out.printf("%-32s %-8s %-26s %-11s %s%n", "NODE", "ROLE", "ADDRESS", "HEARTBEAT", "VERSION");
        for (ClusterAdmin.NodeStatus n : status.nodes()) {
            out.printf("%-32s %-8s %-26s %-11s %s%n", n.node().id(), n.role().name().toLowerCase(java.util.Locale.ROOT),
                    n.node().host() + ":" + n.node().httpsPort(),
                    n.alive() ? n.sinceHeartbeat().toSeconds() + " s ago" : "down", n.node().version());
        }
        out.println("CRL master lease: " + status.lease().map(l -> l.holder() + " (term " + l.fencingToken()
                + (status.nodes().stream().anyMatch(n -> n.role() == ClusterAdmin.NodeRole.MASTER) ? ", expires "
                        : ", expired ") + l.expiresAt() + ")").orElse("never taken"));
        out.println("CRL number: " + status.crl().map(c -> c.number() + " (" + c.thisUpdate() + ")").orElse("none yet"));
        out.flush();
    }
}
