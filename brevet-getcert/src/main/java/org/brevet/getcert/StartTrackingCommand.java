package org.brevet.getcert;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.brevet.pki.BrevetException;
import org.brevet.pki.ErrorKind;
import org.brevet.tracker.api.Command;
import org.brevet.tracker.api.Reply;
import org.brevet.tracker.api.Selector;
import org.brevet.tracker.api.TrackerClient;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code getcert start-tracking}: track an existing certificate, or modify the entry named by {@code -i}. */
@picocli.CommandLine.Command(name = "start-tracking", description = "Start tracking an existing certificate.")
final class StartTrackingCommand implements Callable<Integer> {
    @ParentCommand
    GetcertMain parent;

    @Spec
    CommandSpec spec;

    @Mixin
    Connection connection;

    @Mixin
    SpecOptions options;

    @Mixin
    WaitOptions waitOptions;

    @Option(names = {"-i", "--id"}, paramLabel = "NAME", description = "Existing request to modify.")
    String existing;

    @Option(names = {"-I", "--new-id"}, paramLabel = "NAME", description = "Nickname of the (new) request.")
    String newId;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        boolean locations = options.storage.certFile != null || options.storage.isNss();
        if (existing == null && !locations) {
            throw new BrevetException(ErrorKind.MALFORMED,
                    "None of database directory and nickname or certificate file specified.");
        }
        TrackerClient client = connection.client();
        Selector sel = existing == null ? null : Selector.byId(existing);
        Reply reply = Replies.require(client.send(new Command.StartTracking(sel,
                options.toSpec(newId, parent.forcedCa(), locations, err))));
        out.println(reply.message());
        out.flush();
        return waitOptions.await(client, reply.requestId(), connection.verbose, out);
    }
}
