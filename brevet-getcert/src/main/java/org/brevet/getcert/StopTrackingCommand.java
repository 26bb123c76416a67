package org.brevet.getcert;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.brevet.tracker.api.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code getcert stop-tracking}: forget a request; its files stay where they are. */
@picocli.CommandLine.Command(name = "stop-tracking", description = "Stop tracking a certificate (files are kept).")
final class StopTrackingCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    Connection connection;

    @Mixin
    SelectionOptions selection;

    @Option(names = {"-k", "--keyfile"}, paramLabel = "FILENAME", description = "Key file (ignored; -f selects).")
    String keyFile;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        out.println(Replies.require(connection.client().send(
                new Command.StopTracking(selection.selector(spec.commandLine().getErr())))).message());
        return 0;
    }
}
