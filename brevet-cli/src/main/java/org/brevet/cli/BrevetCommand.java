package org.brevet.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code brevet}: the top-level command. The connection and output options ({@link GlobalOptions}) are
 * given to it by {@link Brevet#commandLine} as local options, and each client command group inherits them
 * through its own mixin, so they work before or after the subcommand. They are deliberately not inherited
 * from here: the server's commands ({@code ca}, {@code serve}, {@code quickstart}) declare their own
 * {@code --instance}, which an inherited option of the same name would collide with.
 */
@Command(name = "brevet", mixinStandardHelpOptions = true,
        versionProvider = BrevetVersion.class, sortOptions = false,
        description = "Brevet certificate authority client. Talks to a Brevet CA over its REST API (HTTPS). Without a client credential (--p12 or"
                + " --instance) requests are submitted anonymously and wait for an agent.",
        subcommands = {
            CertCommand.class,
            RequestCommand.class,
            UserCommand.class,
            ProfileCommand.class,
            CaCertCommand.class,
            CrlCommand.class,
            KraCommand.class,
            ScepCommand.class,
            CmcResponseCommand.class,
            org.brevet.server.cli.CaCommand.class,
            org.brevet.server.cli.ServeCommand.class,
            org.brevet.server.cli.QuickstartCommand.class,
            org.brevet.server.cli.AuditCommand.class,
        })
final class BrevetCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw Groups.missingSubcommand(spec);
    }
}
