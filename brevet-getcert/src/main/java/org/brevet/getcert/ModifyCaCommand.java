package org.brevet.getcert;

import java.util.concurrent.Callable;
import org.brevet.pki.BrevetException;
import org.brevet.pki.ErrorKind;
import org.brevet.tracker.api.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code getcert modify-ca -c NAME -e COMMAND}: change a CA's helper command line. */
@picocli.CommandLine.Command(name = "modify-ca", description = "Change the helper command of a CA.")
final class ModifyCaCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    Connection connection;

    @Option(names = {"-c", "--ca"}, paramLabel = "NAME", required = true, description = "Nickname of the CA.")
    String ca;

    @Option(names = {"-e", "--command"}, paramLabel = "COMMAND", description = "New helper command line.")
    String command;

    @Override
    public Integer call() {
        if (command == null || command.isBlank()) {
            throw new BrevetException(ErrorKind.MALFORMED, "CA helper command not specified.");
        }
        spec.commandLine().getOut().println(
                Replies.require(connection.client().send(new Command.ModifyCa(ca, command))).message());
        return 0;
    }
}
