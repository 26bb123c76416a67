package org.brevet.cli;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.brevet.pki.BrevetException;
import org.brevet.pki.Certificate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code brevet user}: CA users, their roles and certificates (needs an administrator's credential). */
@Command(name = "user", scope = ScopeType.INHERIT, mixinStandardHelpOptions = true, sortOptions = false,
        description = "Manage CA users, roles and certificates (administrators).")
final class UserCommand implements Runnable {
    /** The shared connection and output options, inherited by the subcommands. */
    @Mixin
    GlobalOptions options;

    private final Session session;

    @Spec
    CommandSpec spec;

    UserCommand(Session session) {
        this.session = session;
    }

    @Override
    public void run() {
        throw Groups.missingSubcommand(spec);
    }

    @Command(name = "add", description = "Add a user with one or more roles.")
    int add(@Parameters(paramLabel = "UID", description = "User id.") String uid,
            @Option(names = "--role", paramLabel = "ROLE", required = true,
                    description = "administrator, agent or auditor (repeatable).") List<String> roles,
            @Option(names = "--full-name", paramLabel = "NAME", description = "Full name.") String fullName) {
        return print(session.client().addUser(uid, Optional.ofNullable(fullName), roles));
    }

    @Command(name = "cert-add", description = "Map a certificate to a user (TLS client authentication).")
    int certAdd(@Parameters(paramLabel = "UID", description = "User id.") String uid,
            @Option(names = "--cert", paramLabel = "FILE", required = true,
                    description = "The user's certificate (PEM or DER).") Path file) {
        byte[] bytes = LocalFiles.read(file, "certificate file");
        Certificate cert;
        try {
            cert = Certificate.parse(bytes);
        } catch (BrevetException e) {
            throw new BrevetException(e.kind(), file + ": " + e.detail(), e);
        }
        return print(session.client().addUserCertificate(uid, cert.toPem()));
    }

    @Command(name = "list", description = "List users.")
    int list() {
        UserList users = session.client().users();
        Output out = session.output();
        if (out.isJson()) {
            out.json(users);
        } else if (users.users().isEmpty()) {
            out.line("No users found.");
        } else {
            out.table(List.of("USER ID", "ROLES", "FULL NAME"), users.users().stream()
                    .map(u -> Arrays.asList(u.userId(), String.join(",", u.roles()), u.fullName())).toList());
        }
        return ExitCode.OK;
    }

    @Command(name = "show", description = "Show a user with roles and certificates.")
    int show(@Parameters(paramLabel = "UID", description = "User id.") String uid) {
        return print(session.client().user(uid));
    }

    private int print(UserInfo user) {
        Output out = session.output();
        if (out.isJson()) {
            out.json(user);
        } else {
            out.fields(Views.user(user));
        }
        return ExitCode.OK;
    }
}
