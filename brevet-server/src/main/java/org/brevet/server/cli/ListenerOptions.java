package org.brevet.server.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.brevet.server.config.BrevetConfig;
import picocli.CommandLine.Option;

/** The listener and database-login options of {@code ca init} and {@code ca clone} (the database URL is each one's own). */
final class ListenerOptions {
    @Option(names = "--hostname", paramLabel = "NAME",
            description = "host name of the server, repeatable; the first goes into certificate URLs (default: localhost)")
    List<String> hostnames = new ArrayList<>();

    @Option(names = "--bind", paramLabel = "ADDR", defaultValue = "0.0.0.0",
            description = "address the listeners bind (default: ${DEFAULT-VALUE}, every interface)")
    String bind;

    @Option(names = "--https-port", paramLabel = "N", defaultValue = "8443", description = "HTTPS port (default: ${DEFAULT-VALUE})")
    int httpsPort;

    @Option(names = "--http-port", paramLabel = "N", defaultValue = "8080", description = "plain HTTP port (default: ${DEFAULT-VALUE})")
    int httpPort;

    @Option(names = "--db-user", paramLabel = "USER", description = "database user")
    String dbUser;

    @Option(names = "--db-password-file", paramLabel = "FILE", description = "file holding the database password")
    Path dbPasswordFile;

    /** The configuration to write, with the database at {@code dbUrl} (empty: the embedded H2 database). */
    BrevetConfig config(Optional<String> dbUrl) {
        return new InstanceSettings(bind, hostnames, httpsPort, httpPort, dbUrl.orElse(null), dbUser, dbPasswordFile).config();
    }
}
