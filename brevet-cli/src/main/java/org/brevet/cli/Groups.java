package org.brevet.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** Behaviour shared by the commands that only group subcommands ({@code brevet cert}, {@code brevet user}). */
final class Groups {
    private Groups() {
    }

    /** A group run without a subcommand is a usage error that names the subcommands. */
    static ParameterException missingSubcommand(CommandSpec spec) {
        return new ParameterException(spec.commandLine(), "'" + spec.qualifiedName() + "' needs a subcommand: "
                + String.join(", ", spec.subcommands().keySet()));
    }
}
