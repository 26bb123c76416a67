package org.brevet.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code brevet cert}: request, find and show certificates. */
@Command(name = "cert", description = "Request, find and show certificates.",
        subcommands = {CertRequestCommand.class, CertFindCommand.class, CertShowCommand.class})
final class CertCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw Groups.missingSubcommand(spec);
    }
}
