package org.brevet.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 2 §6: a certificate a client received is in the database after {@code kill -9} of the server, on
 * H2 and on PostgreSQL. Clients enroll concurrently; the server is killed mid-load; after a restart every
 * serial any client received is found.
 */
class KillNineDurabilityIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    @Test
    void h2_everyReceivedCertificate_survivesKillNine() throws Exception {
        ServedInstance ca = ServedInstance.init(tmp.resolve("h2"));
        assertReceivedCertificatesSurviveKillNine(ca);
    }

    @Test
    void postgres_everyReceivedCertificate_survivesKillNine() throws Exception {
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().setServerConfig("listen_addresses", "127.0.0.1")
                .setServerConfig("synchronous_commit", "on").start()) {
            Path pw = tmp.resolve("db.pw");
            Files.writeString(pw, "postgres\n");
            ServedInstance ca = ServedInstance.init(tmp.resolve("pg"), "--db-url", pg.getJdbcUrl("postgres", "postgres"),
                    "--db-user", "postgres", "--db-password-file", pw.toString());
            assertReceivedCertificatesSurviveKillNine(ca);
        }
    }

    private void assertReceivedCertificatesSurviveKillNine(ServedInstance ca) throws Exception {
        ca.start();
        String body = JSON.createObjectNode().put("profileId", "caECServerCert").put("csr", ecCsr()).toString();
        AdminClient client = new AdminClient(ca);
        Set<String> received = ConcurrentHashMap.newKeySet();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            threads.add(new Thread(() -> enrollUntilRefused(client, body, received)));
        }
        threads.forEach(Thread::start);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (received.size() < 40 && System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(20);
        }
        ca.kill();
        for (Thread t : threads) {
            t.join(TimeUnit.SECONDS.toMillis(60));
        }
        assertThat(received).hasSizeGreaterThanOrEqualTo(40);

        ca.start();
        try {
            AdminClient after = new AdminClient(ca);
            for (String serial : received) {
                HttpResponse<String> r = after.get("/ca/rest/certs/" + serial);
                assertThat(r.statusCode()).as("certificate %s after kill -9", serial).isEqualTo(200);
                assertThat(JSON.readTree(r.body()).path("serial").asText()).isEqualTo(serial);
            }
        } finally {
            ca.close();
        }
    }

    private static void enrollUntilRefused(AdminClient client, String body, Set<String> received) {
        while (true) {
            try {
                HttpResponse<String> r = client.postJson("/ca/rest/certrequests", body);
                if (r.statusCode() != 200) {
                    return;
                }
                JsonNode json = JSON.readTree(r.body());
                if (json.path("status").asText().equals("complete")) {
                    received.add(json.path("serial").asText());
                }
            } catch (Exception e) {
                return; // the server was killed
            }
        }
    }

    private String ecCsr() throws Exception {
        return Files.readString(Cli.ecCsr(tmp, "durable"));
    }
}
