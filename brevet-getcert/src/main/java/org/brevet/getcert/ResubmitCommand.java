package org.brevet.getcert;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.brevet.tracker.api.Command;
import org.brevet.tracker.api.Reply;
import org.brevet.tracker.api.TrackerClient;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code getcert resubmit}: build a new CSR from the (changed) template and submit it again. */
@picocli.CommandLine.Command(name = "resubmit", description = "Resubmit an existing request.")
class ResubmitCommand implements Callable<Integer> {
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

    @Option(names = {"-i", "--id"}, paramLabel = "NAME", description = "Nickname of the request.")
    String id;

    @Option(names = {"-I", "--new-id"}, paramLabel = "NAME", description = "New nickname for the request.")
    String newId;

    boolean rekey() {
        return false;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        SelectionOptions sel = new SelectionOptions();
        sel.id = id;
        sel.dbdir = options.storage.dbdir;
        sel.nickname = options.storage.nickname;
        sel.certFile = options.storage.certFile;
        TrackerClient client = connection.client();
        Reply reply = Replies.require(client.send(new Command.Resubmit(sel.selector(err),
                options.toSpec(newId, parent.forcedCa(), false, err), rekey())));
        out.println(reply.message());
        out.flush();
        return waitOptions.await(client, reply.requestId(), connection.verbose, out);
    }
}
