package org.brevet.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Optional;
import org.brevet.pki.DistinguishedName;
import org.brevet.pki.KeySpec;
import org.brevet.server.InitOptions;
import org.brevet.server.InstanceLayout;
import org.brevet.server.Installer;
import org.brevet.server.config.ConfigFile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code brevet serve} that cannot start says why in one line and exits non-zero. */
class ServeFailuresTest {
    @TempDir
    Path dir;

    private InstanceLayout layout;

    @BeforeEach
    void init() {
        layout = InstanceLayout.of(dir.resolve("ca"));
        InitOptions options = new InitOptions(ConfigFile.parse("server.bind = 127.0.0.1\nserver.https.port = 0\n"
                + "server.http.port = 0\n", "test", dir), DistinguishedName.parse("CN=Test CA"), KeySpec.EC_P256,
                Optional.empty(), Optional.empty());
        new Installer(Clock.systemUTC(), new SecureRandom()).install(layout, options);
    }

    private void configure(String text) throws Exception {
        Files.writeString(layout.configFile(), "server.bind = 127.0.0.1\n" + text);
    }

    @Test
    void unreachableDatabase_isOneLineAndExit3() throws Exception {
        configure("server.https.port = 0\nserver.http.port = 0\ndb.url = jdbc:postgresql://127.0.0.1:1/brevet\ndb.user = brevet\n");

        Run run = Run.of(new ServeCommand(), "--instance", layout.root().toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.UNAVAILABLE);
        assertThat(run.err().lines()).hasSize(1);
        assertThat(run.err()).startsWith("brevet: database unreachable: jdbc:postgresql://127.0.0.1:1/brevet");
    }

    @Test
    void unknownKeyInConfig_isOneLineNamingTheKeyAndExit2() throws Exception {
        configure("server.htps.port = 8443\n");

        Run run = Run.of(new ServeCommand(), "--instance", layout.root().toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).startsWith("brevet: brevet.conf: server.htps.port: unknown key");
        assertThat(run.err().lines()).hasSize(1);
    }

    @Test
    void portInUse_isOneLineAndExit1() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            configure("server.https.port = " + taken.getLocalPort() + "\nserver.http.port = 0\n");

            Run run = Run.of(new ServeCommand(), "--instance", layout.root().toString());

            assertThat(run.exitCode()).isEqualTo(ExitCodes.FAILED);
            assertThat(run.err()).startsWith("brevet: cannot listen for HTTPS on 127.0.0.1:" + taken.getLocalPort());
            assertThat(run.err().lines()).hasSize(1);
        }
    }
}
