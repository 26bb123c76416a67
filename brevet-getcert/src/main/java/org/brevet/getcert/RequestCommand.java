package org.brevet.getcert;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.brevet.pki.BrevetException;
import org.brevet.pki.ErrorKind;
import org.brevet.tracker.api.Command;
import org.brevet.tracker.api.RequestSpec;
import org.brevet.tracker.api.Reply;
import org.brevet.tracker.api.TrackerClient;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code getcert request}: add a request; a key is generated if none exists, a CSR built and submitted. */
@picocli.CommandLine.Command(name = "request", description = "Request a new certificate and track it.")
final class RequestCommand implements Callable<Integer> {
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

    @Option(names = {"-I", "--id"}, paramLabel = "NAME", description = "Nickname of the new request (default: a timestamp).")
    String id;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (options.storage.certFile == null && !options.storage.isNss()) {
            throw new BrevetException(ErrorKind.MALFORMED,
                    "None of database directory and nickname or certificate file specified.");
        }
        if (options.storage.keyFile == null && !options.storage.isPkcs12() && !options.storage.isNss()) {
            throw new BrevetException(ErrorKind.MALFORMED, "A key file (-k) is needed with a PEM certificate file (-f).");
        }
        RequestSpec s = options.toSpec(id, parent.forcedCa(), true, err);
        TrackerClient client = connection.client();
        Reply reply = client.send(new Command.Request(s));
        if (!reply.isOk()) {
            err.println(reply.message());
            err.println("New signing request could not be added.");
            return 1;
        }
        out.println(reply.message());
        out.flush();
        return waitOptions.await(client, reply.requestId(), connection.verbose, out);
    }
}
