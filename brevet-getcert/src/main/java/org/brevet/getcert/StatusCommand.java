package org.brevet.getcert;

import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.brevet.tracker.api.Command;
import org.brevet.tracker.api.ExitCode;
import org.brevet.tracker.api.RequestInfo;
import org.brevet.tracker.api.Selector;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code getcert status}: prints nothing; the exit code is the answer (0 issued, 1 error or no such request,
 * 2 rejected, 3 unreachable, 4 stuck, 5 in progress).
 */
@picocli.CommandLine.Command(name = "status", description = "Exit with the status of one request.")
final class StatusCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    Connection connection;

    @Mixin
    SelectionOptions selection;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        Selector sel = selection.selector(err);
        Optional<RequestInfo> r = Replies.require(connection.client().send(new Command.ListRequests())).requests()
                .stream().filter(sel::matches).findFirst();
        if (r.isEmpty()) {
            err.println("No request found with specified nickname.");
            return ExitCode.ERROR.code();
        }
        if (connection.verbose) {
            spec.commandLine().getOut().println("State " + r.get().state() + ", stuck: "
                    + (r.get().stuck() ? "yes" : "no") + ".");
        }
        return ExitCode.forState(r.get().state()).code();
    }
}
