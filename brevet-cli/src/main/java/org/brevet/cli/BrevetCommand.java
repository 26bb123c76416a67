package org.brevet.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * {@code brevet}: the top-level command. Its connection and output options are inherited by every
 * subcommand, so they may be given before or after the subcommand.
 */
@Command(name = "brevet", scope = ScopeType.INHERIT, mixinStandardHelpOptions = true,
        versionProvider = BrevetVersion.class, sortOptions = false,
        description = "Brevet certificate authority client. Talks to a Brevet CA over its REST API (HTTPS). Without a client credential (--p12 or"
                + " --instance) requests are submitted anonymously and wait for an agent.",
        subcommands = {
            CertCommand.class,
            RequestCommand.class,
            UserCommand.class,
            ProfileCommand.class,
            CaCertCommand.class,
            // LEAD: register brevet-server's instance-local commands here once they are on main:
            //   org.brevet.server.cli.CaCommand.class (ca init, ca install-cert),
            //   org.brevet.server.cli.ServeCommand.class, org.brevet.server.cli.QuickstartCommand.class
            // and add the brevet-server dependency back to brevet-cli/pom.xml.
        })
final class BrevetCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Mixin
    GlobalOptions options;

    BrevetCommand(Session session) {
        this.options = session.options();
    }

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "a command is needed");
    }
}
