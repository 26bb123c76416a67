package org.brevet.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.brevet.pki.BrevetException;
import org.brevet.pki.ErrorKind;
import org.brevet.pki.Secret;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UnreachableDatabaseTest {
    private static final Duration QUICKLY = Duration.ofSeconds(10);

    @TempDir
    Path tmp;

    @Test
    void open_postgresOnClosedPort_failsQuicklyAsUnavailableNamingTheUrlButNoPassword() throws IOException {
        int port = closedPort();
        String url = "jdbc:postgresql://127.0.0.1:" + port + "/brevet?password=url-secret&ssl=false";
        DatabaseConfig config = DatabaseConfig.postgresql(url, "brevet", Secret.of("config-secret"));

        long start = System.nanoTime();
        assertThatThrownBy(() -> JdbcStore.open(config))
                .isInstanceOfSatisfying(BrevetException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.UNAVAILABLE);
                    assertThat(e.detail())
                            .startsWith("database unreachable: jdbc:postgresql://127.0.0.1:" + port
                                    + "/brevet?password=***&ssl=false: ")
                            .contains("refused")
                            .doesNotContain("url-secret", "config-secret")
                            .doesNotContain("\n");
                });
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(QUICKLY);
    }

    @Test
    void open_h2WhereTheDataDirectoryIsAFile_isUnavailable() throws IOException {
        Path notADirectory = Files.writeString(tmp.resolve("data"), "not a directory");

        assertThatThrownBy(() -> JdbcStore.open(DatabaseConfig.h2(notADirectory)))
                .isInstanceOfSatisfying(BrevetException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.UNAVAILABLE);
                    assertThat(e.detail()).startsWith("database unreachable: jdbc:h2:file:" + notADirectory);
                });
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
