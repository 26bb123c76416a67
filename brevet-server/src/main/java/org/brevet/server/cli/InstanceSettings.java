package org.brevet.server.cli;

import java.nio.file.Path;
import java.util.List;
import org.brevet.pki.BrevetException;
import org.brevet.server.config.BrevetConfig;
import org.brevet.server.config.ConfigFile;

/**
 * The configuration {@code ca init} and {@code ca clone} write, from their listener and database options,
 * validated by the configuration file's own rules (an error names the option, not the key).
 */
record InstanceSettings(String bind, List<String> hostnames, int httpsPort, int httpPort, String dbUrl, String dbUser,
        Path dbPasswordFile) {

    InstanceSettings {
        hostnames = List.copyOf(hostnames);
    }

    BrevetConfig config() {
        if ((dbUrl == null) && (dbUser != null || dbPasswordFile != null)) {
            throw BrevetException.malformed("--db-user and --db-password-file need --db-url", null);
        }
        StringBuilder text = new StringBuilder();
        text.append("server.bind = ").append(bind).append('\n');
        text.append("server.hostnames = ").append(hostnames.isEmpty() ? "localhost" : String.join(",", hostnames)).append('\n');
        text.append("server.https.port = ").append(httpsPort).append('\n');
        text.append("server.http.port = ").append(httpPort).append('\n');
        if (dbUrl != null) {
            text.append("db.url = ").append(dbUrl).append('\n');
        }
        if (dbUser != null) {
            text.append("db.user = ").append(dbUser).append('\n');
        }
        if (dbPasswordFile != null) {
            text.append("db.password.file = ").append(dbPasswordFile.toAbsolutePath()).append('\n');
        }
        try {
            return ConfigFile.parse(text.toString(), "options", Path.of("").toAbsolutePath());
        } catch (BrevetException e) {
            throw BrevetException.malformed(OptionNames.of(e.detail()), e);
        }
    }
}
