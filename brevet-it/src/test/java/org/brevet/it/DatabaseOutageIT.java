package org.brevet.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.brevet.testkit.PostgresFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 7: the PostgreSQL server goes away (a relay in front of it cuts every connection and refuses new
 * ones) and comes back. Meanwhile the node answers 503 with a JSON message naming the database; afterwards it
 * serves again by itself, and every certificate issued before the outage is still there.
 */
class DatabaseOutageIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    @Test
    void databaseAway_nodeAnswers503_thenRecoversByItself_losingNothing() throws Exception {
        PostgresFixture.Database db = PostgresFixture.shared().createDatabase();
        try (TcpRelay relay = TcpRelay.to(PostgresFixture.shared().port())) {
            String url = db.jdbcUrl().replace(":" + PostgresFixture.shared().port() + "/", ":" + relay.port() + "/");
            ServedInstance ca = ServedInstance.init(tmp.resolve("ca"), "--key", "ec:p256", "--db-url", url,
                    "--db-user", db.user()).configure("cluster.lease.seconds = 4", "cluster.heartbeat.seconds = 1").start();
            try {
                AdminClient admin = new AdminClient(ca);
                String body = JSON.createObjectNode().put("profileId", "caECServerCert").put("csr", csr()).toString();
                List<String> before = new ArrayList<>();
                for (int i = 0; i < 5; i++) {
                    before.add(issue(admin, body));
                }

                relay.cut();
                HttpResponse<String> refused = admin.postJson("/ca/rest/certrequests", body);
                assertThat(refused.statusCode()).isEqualTo(503);
                JsonNode error = JSON.readTree(refused.body());
                assertThat(error.path("error").asText()).isEqualTo("unavailable");
                assertThat(error.path("detail").asText()).startsWith("database unavailable");
                HttpResponse<String> health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(ca.httpUrl() + "/health")).timeout(Duration.ofSeconds(20)).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(health.statusCode()).isEqualTo(503);
                assertThat(JSON.readTree(health.body()).path("status").asText()).isEqualTo("unavailable");

                relay.restore();
                String after = awaitIssued(admin, body, Duration.ofSeconds(60));
                before.add(after);
                for (String serial : before) {
                    assertThat(admin.get("/ca/rest/certs/" + serial).statusCode()).as("certificate %s", serial)
                            .isEqualTo(200);
                }
                assertThat(ca.healthy()).isTrue();
            } finally {
                ca.close();
            }
        }
    }

    private static String issue(AdminClient admin, String body) throws Exception {
        HttpResponse<String> r = admin.postJson("/ca/rest/certrequests", body);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body()).path("serial").asText();
    }

    private static String awaitIssued(AdminClient admin, String body, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        HttpResponse<String> last = null;
        while (System.nanoTime() < deadline) {
            last = admin.postJson("/ca/rest/certrequests", body);
            if (last.statusCode() == 200) {
                return JSON.readTree(last.body()).path("serial").asText();
            }
            assertThat(last.statusCode()).as(last.body()).isEqualTo(503);
            TimeUnit.MILLISECONDS.sleep(250);
        }
        throw new AssertionError("no recovery within " + timeout.toSeconds() + " s; last answer " + last.statusCode()
                + " " + last.body());
    }

    private String csr() throws Exception {
        return Files.readString(Cli.ecCsr(tmp, "outage"));
    }
}
