package org.brevet.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code brevet cert}: request, find and show certificates. */
@Command(name = "cert", scope = ScopeType.INHERIT, mixinStandardHelpOptions = true, sortOptions = false,
        description = "Request, find and show certificates.",
        subcommands = {CertRequestCommand.class, CertFindCommand.class, CertShowCommand.class})
final class CertCommand implements Runnable {
    /** The shared connection and output options, inherited by the subcommands. */
    @Mixin
    GlobalOptions options;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw Groups.missingSubcommand(spec);
    }
}
