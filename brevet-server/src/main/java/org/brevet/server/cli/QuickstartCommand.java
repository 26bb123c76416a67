package org.brevet.server.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.brevet.pki.KeySpec;
import org.brevet.server.BrevetServer;
import org.brevet.server.InitOptions;
import org.brevet.server.InstanceLayout;
import org.brevet.server.Installer;
import org.brevet.server.config.ConfigFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code brevet quickstart}: a local CA in one step. Creates the instance in DIR if there is none (EC P-256
 * CA key, host name localhost, listeners on 127.0.0.1 only, embedded H2), then serves it.
 */
@Command(name = "quickstart", mixinStandardHelpOptions = true,
        description = {"Create a local CA instance if there is none, and serve it.",
            "The new instance has an EC P-256 CA key, host name localhost, listeners on 127.0.0.1 only and the",
            "embedded database. Prints the URLs and where the administrator credential is."},
        exitCodeListHeading = "%nExit codes:%n", exitCodeList = {
            "0:stopped by a signal", "1:could not start (port in use)",
            "2:bad option, or DIR holds something else", "3:database unreachable",
            "5:internal error (see the log)"})
public final class QuickstartCommand implements Callable<Integer> {
    static final String DEFAULT_DIR = "brevet-data";

    @Spec
    CommandSpec spec;

    @Option(names = "--dir", paramLabel = "DIR", defaultValue = DEFAULT_DIR,
            description = "instance directory (default: ./${DEFAULT-VALUE})")
    Path dir;

    @Option(names = "--https-port", paramLabel = "N", defaultValue = "8443", description = "HTTPS port of a new instance (default: ${DEFAULT-VALUE})")
    int httpsPort;

    @Option(names = "--http-port", paramLabel = "N", defaultValue = "8080", description = "HTTP port of a new instance (default: ${DEFAULT-VALUE})")
    int httpPort;

    private final Clock clock;
    private final SecureRandom random;

    public QuickstartCommand() {
        this(Clock.systemUTC(), new SecureRandom());
    }

    QuickstartCommand(Clock clock, SecureRandom random) {
        this.clock = clock;
        this.random = random;
    }

    @Override
    public Integer call() {
        return ExitCodes.run(spec.commandLine().getErr(),
                () -> ServeCommand.serveUntilSignal(start(spec.commandLine().getOut())));
    }

    /** Creates the instance if DIR has none, starts it and prints where everything is. */
    BrevetServer start(PrintWriter out) {
        InstanceLayout layout = InstanceLayout.of(dir);
        if (!layout.exists()) {
            out.println("Creating a CA instance in " + layout.root() + " ...");
            out.flush();
            new Installer(clock, random).install(layout, options());
        }
        BrevetServer server = BrevetServer.start(layout, clock, random);
        ServeCommand.announce(out, server);
        out.println("CA certificate:           " + layout.caCertificate());
        out.println("administrator credential: " + layout.adminCredential());
        out.println("its password:             " + layout.adminPasswordFile());
        out.println("Stop with Ctrl-C.");
        out.flush();
        return server;
    }

    InitOptions options() {
        String text = "server.bind = 127.0.0.1\nserver.hostnames = localhost\nserver.https.port = " + httpsPort
                + "\nserver.http.port = " + httpPort + "\n";
        return new InitOptions(ConfigFile.parse(text, "options", Path.of("").toAbsolutePath()),
                CaInitCommand.parseSubject(InitOptions.DEFAULT_SUBJECT), KeySpec.EC_P256, Optional.empty(),
                Optional.empty());
    }
}
