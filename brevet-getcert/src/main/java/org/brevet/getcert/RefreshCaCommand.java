package org.brevet.getcert;

import java.util.concurrent.Callable;
import org.brevet.pki.BrevetException;
import org.brevet.pki.ErrorKind;
import org.brevet.tracker.api.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code getcert refresh-ca}: re-run a CA's data operations (IDENTIFY, FETCH-ROOTS, GET-*). */
@picocli.CommandLine.Command(name = "refresh-ca", description = "Refresh what is known about a CA.")
final class RefreshCaCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    Connection connection;

    @Option(names = {"-c", "--ca"}, paramLabel = "NAME", description = "Nickname of the CA.")
    String ca;

    @Option(names = {"-a", "--all"}, description = "All CAs.")
    boolean all;

    @Override
    public Integer call() {
        if (ca == null && !all) {
            throw new BrevetException(ErrorKind.MALFORMED, "Neither CA nickname nor -a flag specified.");
        }
        spec.commandLine().getOut().println(
                Replies.require(connection.client().send(new Command.RefreshCa(all ? null : ca))).message());
        return 0;
    }
}
