package org.brevet.getcert;

import java.util.concurrent.Callable;
import org.brevet.pki.BrevetException;
import org.brevet.pki.ErrorKind;
import org.brevet.tracker.api.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code getcert add-ca -c NAME -e 'COMMAND ARGS'}: register a helper speaking certmonger's protocol. */
@picocli.CommandLine.Command(name = "add-ca", description = "Add a CA reached through a helper command.")
final class AddCaCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    Connection connection;

    @Option(names = {"-c", "--ca"}, paramLabel = "NAME", required = true, description = "Nickname of the new CA.")
    String ca;

    @Option(names = {"-e", "--command"}, paramLabel = "COMMAND", description = "Helper command line (may include arguments).")
    String command;

    @Override
    public Integer call() {
        if (command == null || command.isBlank()) {
            throw new BrevetException(ErrorKind.MALFORMED, "CA helper command not specified.");
        }
        spec.commandLine().getOut().println(
                Replies.require(connection.client().send(new Command.AddCa(ca, command))).message());
        return 0;
    }
}
