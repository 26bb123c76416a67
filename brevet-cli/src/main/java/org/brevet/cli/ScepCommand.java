package org.brevet.cli;

import java.time.Duration;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** {@code brevet scep}: the SCEP server's one-time challenge passwords (agents; docs/SCEP.md). */
@Command(name = "scep", scope = ScopeType.INHERIT, mixinStandardHelpOptions = true, sortOptions = false,
        description = "SCEP enrollment: one-time challenge passwords (agents).",
        subcommands = ScepCommand.Otp.class)
final class ScepCommand implements Runnable {
    @Mixin
    GlobalOptions options;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw Groups.missingSubcommand(spec);
    }

    /** {@code brevet scep otp create [--subject DN] [--valid-for DURATION]}. */
    @Command(name = "otp", mixinStandardHelpOptions = true, description = "One-time SCEP challenge passwords.")
    static final class Otp implements Runnable {
        private final Session session;

        @Spec
        CommandSpec spec;

        Otp(Session session) {
            this.session = session;
        }

        @Override
        public void run() {
            throw Groups.missingSubcommand(spec);
        }

        @Command(name = "create", description = "Create a one-time challenge password and print it alone on standard"
                + " output. It is stored hashed and cannot be shown again; one enrollment may use it, before it expires.")
        int create(@Option(names = "--subject", paramLabel = "DN",
                        description = "Only an enrollment of this subject may use it (default: any subject).") String subject,
                @Option(names = "--valid-for", paramLabel = "DURATION", defaultValue = "1d",
                        description = "How long it may be used: 30m, 12h, 7d or ISO-8601 (default: ${DEFAULT-VALUE}).")
                String validFor) {
            Duration duration = DurationText.parse(validFor);
            ScepChallengeInfo created = session.client().createScepChallenge(Optional.ofNullable(subject), duration);
            if (session.output().isJson()) {
                session.output().json(created);
            } else {
                session.output().line(created.password());
            }
            return ExitCode.OK;
        }
    }
}
