package org.brevet.server.cli;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.concurrent.Callable;
import org.brevet.server.CloneInstaller;
import org.brevet.server.CloneOptions;
import org.brevet.server.InstanceLayout;
import org.brevet.server.PasswordFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code brevet ca clone}: a new node of an existing CA, from its key backup and its PostgreSQL database. */
@Command(name = "clone", mixinStandardHelpOptions = true,
        description = {"Create a clone of a CA (Dogtag's pkispawn with pki_clone).",
            "Imports the system keys of 'brevet ca export-keys', checks that the database belongs to their CA, has the",
            "CA issue this node's own Server-Cert, and writes DIR. Profiles, users and settings come from the database.",
            "Then run: brevet serve --instance DIR."},
        exitCodeListHeading = "%nExit codes:%n", exitCodeList = {
            "0:success", "2:usage or local input error (instance exists, wrong password, keys of another CA)",
            "3:database unreachable", "5:internal error (see the log)"})
public final class CaCloneCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ListenerOptions listener;

    @Option(names = "--instance", required = true, paramLabel = "DIR", description = "instance directory to create")
    Path instance;

    @Option(names = "--from-keys", required = true, paramLabel = "FILE", description = "the PKCS#12 file of ca export-keys")
    Path keys;

    @Option(names = "--password-file", required = true, paramLabel = "FILE", description = "file holding its password")
    Path passwordFile;

    @Option(names = "--db-url", required = true, paramLabel = "JDBC_URL", description = "the CA's PostgreSQL database")
    String dbUrl;

    private final Clock clock;
    private final SecureRandom random;

    public CaCloneCommand() {
        this(Clock.systemUTC(), new SecureRandom());
    }

    CaCloneCommand(Clock clock, SecureRandom random) {
        this.clock = clock;
        this.random = random;
    }

    @Override
    public Integer call() {
        return ExitCodes.run(spec.commandLine().getErr(), () -> {
            CloneOptions options = new CloneOptions(
                    listener.config(java.util.Optional.of(dbUrl)),
                    keys.toAbsolutePath(), PasswordFiles.readSingle(passwordFile));
            InstanceLayout layout = new CloneInstaller(clock, random).install(InstanceLayout.of(instance), options);
            var out = spec.commandLine().getOut();
            out.println("CA clone created in " + layout.root() + "; start it with: brevet serve --instance " + layout.root());
            out.flush();
            return ExitCodes.OK;
        });
    }
}
