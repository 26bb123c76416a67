package org.brevet.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import org.brevet.server.BrevetServer;
import org.brevet.server.InstanceLayout;
import org.brevet.server.config.BrevetConfig;
import org.brevet.server.config.ConfigFile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ca init --db-url jdbc:postgresql:...} and {@code serve} against a real PostgreSQL server. */
class PostgresInstanceTest {
    private static EmbeddedPostgres postgres;

    @TempDir
    Path dir;

    @BeforeAll
    static void startPostgres() throws Exception {
        postgres = EmbeddedPostgres.builder().setServerConfig("listen_addresses", "127.0.0.1")
                .setServerConfig("synchronous_commit", "on").start();
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE ROLE brevet LOGIN PASSWORD 's3cret-db'");
            s.execute("CREATE DATABASE brevet OWNER brevet");
        }
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        postgres.close();
    }

    @Test
    void initAndServe_onPostgresql_storeEverythingInTheDatabase() throws Exception {
        Path password = Files.writeString(dir.resolve("db.password"), "s3cret-db\n");
        String url = "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/brevet";
        Path instance = dir.resolve("ca");

        Run init = Run.of(new CaCommand(), "init", "--instance", instance.toString(), "--key", "ec:p256",
                "--bind", "127.0.0.1", "--https-port", "0", "--http-port", "0",
                "--db-url", url, "--db-user", "brevet", "--db-password-file", password.toString());

        assertThat(init.exitCode()).as(init.err()).isZero();
        InstanceLayout layout = InstanceLayout.of(instance);
        assertThat(layout.dataDir()).isEmptyDirectory();
        BrevetConfig config = ConfigFile.read(layout.configFile(), layout.root());
        assertThat(config.database().url()).contains(url);
        assertThat(config.database().passwordFile()).contains(password.toAbsolutePath());
        assertThat(Files.readString(layout.configFile())).doesNotContain("s3cret-db");
        try (Connection c = postgres.getDatabase("brevet", "brevet").getConnection();
                Statement s = c.createStatement()) {
            assertThat(count(s, "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'")).isPositive();
        }
        try (BrevetServer server = BrevetServer.start(layout, Clock.systemUTC(), new SecureRandom())) {
            HttpResponse<String> health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + server.httpPort() + "/health")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(health.body()).isEqualTo("{\"status\":\"ready\"}");
        }
    }

    private static long count(Statement s, String sql) throws Exception {
        try (ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }
}
