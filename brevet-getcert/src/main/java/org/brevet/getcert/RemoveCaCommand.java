package org.brevet.getcert;

import java.util.concurrent.Callable;
import org.brevet.tracker.api.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code getcert remove-ca -c NAME}. */
@picocli.CommandLine.Command(name = "remove-ca", description = "Remove a CA.")
final class RemoveCaCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    Connection connection;

    @Option(names = {"-c", "--ca"}, paramLabel = "NAME", required = true, description = "Nickname of the CA.")
    String ca;

    @Override
    public Integer call() {
        spec.commandLine().getOut().println(Replies.require(connection.client().send(new Command.RemoveCa(ca))).message());
        return 0;
    }
}
