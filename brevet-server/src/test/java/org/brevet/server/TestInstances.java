package org.brevet.server;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.brevet.pki.DistinguishedName;
import org.brevet.pki.KeySpec;
import org.brevet.server.config.BrevetConfig;
import org.brevet.server.config.ConfigFile;

/** Instances for tests: embedded H2, listeners on 127.0.0.1 and ephemeral ports. */
final class TestInstances {
    static final DistinguishedName SUBJECT = DistinguishedName.parse("CN=Test CA,O=EXAMPLE.COM");

    private TestInstances() {
    }

    static BrevetConfig config(String extra) {
        return ConfigFile.parse("server.bind = 127.0.0.1\nserver.hostnames = localhost\nserver.https.port = 0\n"
                + "server.http.port = 0\nserver.threads.max = 32\ndb.pool.max = 4\n" + extra, "test", Path.of("/"));
    }

    static InitOptions options(KeySpec key) {
        return new InitOptions(config(""), SUBJECT, key, Optional.empty(), Optional.empty());
    }

    static InstanceLayout create(Path dir, KeySpec key) {
        InstanceLayout layout = InstanceLayout.of(dir);
        new Installer(Clock.systemUTC(), new SecureRandom()).install(layout, options(key));
        return layout;
    }

    static List<String> nicknames() {
        return List.of(KeyToken.CA_SIGNING, KeyToken.SERVER, KeyToken.SUBSYSTEM, KeyToken.OCSP_SIGNING,
                KeyToken.AUDIT_SIGNING, ScepRaCertificate.NICKNAME);
    }
}
