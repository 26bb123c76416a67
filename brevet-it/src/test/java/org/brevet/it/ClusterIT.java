package org.brevet.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.brevet.pki.Crl;
import org.brevet.testkit.PostgresFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 7: three nodes of one CA on a real PostgreSQL, made with the real launchers ({@code ca init},
 * {@code ca export-keys}, {@code ca clone}, {@code serve}) on 127.0.0.1. Short lease (4 s) and heartbeat (1 s)
 * keep the failover quick. The tests run in order: the last one kills the master.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int LEASE_SECONDS = 4;
    private static final String[] TIMING = {"cluster.lease.seconds = " + LEASE_SECONDS, "cluster.heartbeat.seconds = 1"};

    @TempDir
    static Path tmp;

    private static PostgresFixture.Database db;
    private static Path p12;
    private static Path p12Password;
    private static final List<ServedInstance> nodes = new ArrayList<>();

    @BeforeAll
    static void startThreeNodes() throws Exception {
        db = PostgresFixture.shared().createDatabase();
        ServedInstance master = ServedInstance.init(tmp.resolve("node1"), "--key", "ec:p256", "--db-url", db.jdbcUrl(),
                "--db-user", db.user());
        p12Password = Files.writeString(tmp.resolve("p12.pw"), "clone-backup-pw\n");
        p12 = tmp.resolve("master.p12");
        Cli.brevet("ca", "export-keys", "--instance", master.dir().toString(), "--out", p12.toString(),
                "--password-file", p12Password.toString()).assertOk();
        nodes.add(master.configure(TIMING).start());
        for (String name : List.of("node2", "node3")) {
            nodes.add(ServedInstance.cloneOf(tmp.resolve(name), p12, p12Password, db.jdbcUrl(), db.user())
                    .configure(TIMING).start());
        }
    }

    @AfterAll
    static void stopNodes() throws Exception {
        for (ServedInstance n : nodes) {
            n.close();
        }
    }

    private static ServedInstance node(int i) {
        return nodes.get(i);
    }

    private static Path caPem() {
        return node(0).dir().resolve("certs/ca.pem");
    }

    /** The brevet launcher as the first node's administrator, against {@code node}. */
    private static Cli.Result asAdmin(ServedInstance node, String... args) {
        List<String> all = new ArrayList<>(List.of("--url", node.httpsUrl(), "--ca-cert", caPem().toString(),
                "--p12", node(0).dir().resolve("admin/ca_admin_cert.p12").toString(),
                "--p12-password-file", node(0).dir().resolve("admin/pkcs12_password.conf").toString()));
        all.addAll(List.of(args));
        return Cli.brevet(all.toArray(String[]::new));
    }

    @Test
    @Order(0)
    void cloneWithWrongPassword_orAnotherCasKeys_failsWithOneLine_andLeavesNothing() throws Exception {
        Path wrong = Files.writeString(tmp.resolve("wrong.pw"), "not-the-password\n");
        Path target = tmp.resolve("refused");
        Cli.Result badPassword = Cli.brevet("ca", "clone", "--instance", target.toString(), "--from-keys", p12.toString(),
                "--password-file", wrong.toString(), "--db-url", db.jdbcUrl(), "--db-user", db.user());
        assertThat(badPassword.exitCode()).isEqualTo(2);
        assertThat(lastLine(badPassword)).isEqualTo("brevet: " + p12 + ": wrong password (the one given to brevet ca export-keys)");

        ServedInstance other = ServedInstance.init(tmp.resolve("other-ca"), "--key", "ec:p256", "--subject", "CN=Other CA");
        Path otherKeys = tmp.resolve("other.p12");
        Cli.brevet("ca", "export-keys", "--instance", other.dir().toString(), "--out", otherKeys.toString(),
                "--password-file", p12Password.toString()).assertOk();
        Cli.Result otherCa = Cli.brevet("ca", "clone", "--instance", target.toString(), "--from-keys", otherKeys.toString(),
                "--password-file", p12Password.toString(), "--db-url", db.jdbcUrl(), "--db-user", db.user());
        assertThat(otherCa.exitCode()).isEqualTo(2);
        assertThat(lastLine(otherCa)).startsWith("brevet: the database " + db.jdbcUrl() + " does not belong to the CA of "
                + otherKeys).contains("CN=Other CA");
        assertThat(otherCa.stderr() + badPassword.stderr()).doesNotContain("Exception").doesNotContain("\tat ");

        assertThat(target).doesNotExist();
        try (java.util.stream.Stream<Path> left = Files.list(tmp)) {
            assertThat(left.map(p -> p.getFileName().toString())).noneMatch(n -> n.contains("refused"));
        }
    }

    @Test
    @Order(1)
    void seed004_requestOnOneClone_approveOnAnother_revokeOnAThird_crlAndOcspEverywhere() throws Exception {
        Path csr = Cli.ecCsr(tmp, "seed004");

        JsonNode submitted = json(Cli.brevet("--url", node(1).httpsUrl(), "--ca-cert", caPem().toString(), "cert",
                "request", "--profile", "caECServerCert", "--csr", csr.toString(), "-o", "json"));
        assertThat(submitted.path("status").asText()).isEqualTo("pending");
        JsonNode approved = json(asAdmin(node(2), "request", "approve", submitted.path("requestId").asText(), "-o", "json"));
        String serial = approved.path("serial").asText();
        assertThat(approved.path("status").asText()).isEqualTo("complete");
        Path cert = tmp.resolve("seed.pem");
        Cli.brevet("--url", node(1).httpsUrl(), "--ca-cert", caPem().toString(), "cert", "show", serial, "--pem",
                "--out", cert.toString()).assertOk();
        for (ServedInstance n : nodes) {
            assertThat(ocsp(n, cert)).as("OCSP of %s before the revocation", n.nodeId()).contains(": good");
        }
        asAdmin(node(0), "cert", "revoke", serial, "--reason", "keyCompromise").assertOk();

        String masterId = master();
        ServedInstance nonMaster = nodes.stream().filter(n -> !n.nodeId().equals(masterId)).findFirst().orElseThrow();
        JsonNode crl = json(asAdmin(nonMaster, "crl", "update", "--wait", "-o", "json"));
        BigInteger number = new BigInteger(crl.path("number").asText());
        for (ServedInstance n : nodes) {
            Path file = tmp.resolve("crl-" + n.httpsPort() + ".pem");
            asAdmin(n, "crl", "fetch", "--pem", "--out", file.toString()).assertOk();
            String text = Cli.run(60, "openssl", "crl", "-in", file.toString(), "-CAfile", caPem().toString(),
                    "-noout", "-text").assertOk().stdout() + Cli.run(60, "openssl", "crl", "-in", file.toString(),
                    "-CAfile", caPem().toString(), "-noout").assertOk().stderr();
            assertThat(text).as("CRL served by %s", n.nodeId()).contains("verify OK")
                    .contains(serial.substring(2).toUpperCase(java.util.Locale.ROOT).replaceFirst("^0+", ""))
                    .contains("Key Compromise");
            assertThat(crlNumber(n)).isGreaterThanOrEqualTo(number);
            assertThat(ocsp(n, cert)).as("OCSP of %s", n.nodeId()).contains(": revoked").contains("keyCompromise");
        }
        // without --wait: the clone queues the request and answers at once; the master generates at its next heartbeat
        assertThat(asAdmin(nonMaster, "crl", "update").assertOk().stdout()).contains("requested");
        await(Duration.ofSeconds(30), () -> crlNumber(nonMaster).compareTo(number) > 0 ? Optional.of(true) : Optional.empty(),
                "the CRL asked for without waiting");
    }

    @Test
    @Order(2)
    void threeNodesIssuingAtOnce_noDuplicateSerial_everyCertificateInTheDatabase() throws Exception {
        String body = JSON.createObjectNode().put("profileId", "caECServerCert").put("csr", csr("load")).toString();
        List<String> serials = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<?>> work = new ArrayList<>();
            for (int t = 0; t < 6; t++) {
                AdminClient client = new AdminClient(node(0), node(t % 3));
                work.add(pool.submit((Callable<Void>) () -> {
                    for (int i = 0; i < 10; i++) {
                        HttpResponse<String> r = client.postJson("/ca/rest/certrequests", body);
                        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
                        serials.add(JSON.readTree(r.body()).path("serial").asText());
                    }
                    return null;
                }));
            }
            for (Future<?> f : work) {
                f.get(120, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(serials).hasSize(60);
        assertThat(new HashSet<>(serials)).hasSize(60);
        AdminClient reader = new AdminClient(node(0), node(2));
        for (String serial : serials) {
            HttpResponse<String> r = reader.get("/ca/rest/certs/" + serial);
            assertThat(r.statusCode()).as("certificate %s", serial).isEqualTo(200);
        }
    }

    @Test
    @Order(3)
    void killNineOfTheMaster_anotherNodePublishesAHigherCrlWithinTheLease_andTheOldMasterDoesNotCompete() throws Exception {
        String masterId = master();
        ServedInstance old = nodes.stream().filter(n -> n.nodeId().equals(masterId)).findFirst().orElseThrow();
        ServedInstance survivor = nodes.stream().filter(n -> n != old).findFirst().orElseThrow();
        BigInteger before = crlNumber(survivor);

        long killedAt = System.nanoTime();
        old.kill();
        BigInteger after = await(Duration.ofSeconds(LEASE_SECONDS * 5L), () -> {
            BigInteger n = crlNumber(survivor);
            return n.compareTo(before) > 0 ? Optional.of(n) : Optional.empty();
        }, "a new CRL after the master died");
        Duration failover = Duration.ofNanos(System.nanoTime() - killedAt);
        String newMaster = master();
        assertThat(newMaster).isNotEqualTo(masterId);
        assertThat(failover).as("lease %d s + heartbeat + slack", LEASE_SECONDS)
                .isLessThan(Duration.ofSeconds(LEASE_SECONDS + 8L));

        java.time.Instant restartedAt = java.time.Instant.now();
        old.start();
        // the restarted node runs three heartbeats (1 s each) past its start: it stays a clone and publishes nothing
        await(Duration.ofSeconds(30), () -> heartbeatsSince(masterId, restartedAt) ? Optional.of(true) : Optional.empty(),
                "three heartbeats of the restarted node");
        assertThat(master()).isEqualTo(newMaster);
        assertThat(crlNumber(old)).isEqualTo(after);
        assertThat(crlNumber(survivor)).isEqualTo(after);
        assertThat(statusLine(status(), masterId)).contains(" clone ");
    }

    // ---- helpers

    /** openssl's OCSP client without a nonce, so the node may answer from its pre-signed responses. */
    private static String ocsp(ServedInstance node, Path cert) {
        return Cli.run(60, "openssl", "ocsp", "-issuer", caPem().toString(), "-cert", cert.toString(), "-no_nonce",
                "-url", node.httpUrl() + "/ca/ocsp", "-CAfile", caPem().toString()).assertOk().stdout();
    }

    /** Whether the node started after {@code since} and has renewed its heartbeat at least 3 s after its start. */
    private static boolean heartbeatsSince(String nodeId, java.time.Instant since) {
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(db.jdbcUrl(), db.user(), "unused");
                java.sql.PreparedStatement s = c.prepareStatement(
                        "SELECT started_at, heartbeat_at FROM cluster_nodes WHERE node_id = ?")) {
            s.setString(1, nodeId);
            try (java.sql.ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return false;
                }
                java.time.Instant started = rs.getTimestamp(1).toInstant();
                java.time.Instant beat = rs.getTimestamp(2).toInstant();
                return started.isAfter(since.minusSeconds(1)) && !beat.isBefore(started.plusSeconds(3));
            }
        } catch (java.sql.SQLException e) {
            throw new AssertionError(e);
        }
    }

    private static String statusLine(String status, String nodeId) {
        return status.lines().filter(l -> l.startsWith(nodeId + " ")).findFirst().orElse("");
    }

    private static String status() {
        return Cli.brevet("ca", "status", "--instance", node(1).dir().toString()).assertOk().stdout();
    }

    /** The node id holding the CRL master role, as {@code brevet ca status} shows it. */
    private static String master() throws Exception {
        return await(Duration.ofSeconds(30), () -> status().lines().filter(l -> l.contains(" master "))
                .map(l -> l.substring(0, l.indexOf(' '))).findFirst(), "a CRL master");
    }

    private static BigInteger crlNumber(ServedInstance node) throws Exception {
        HttpResponse<byte[]> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(node.httpUrl() + "/crl/MasterCRL.crl")).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).isEqualTo(200);
        return Crl.parse(r.body()).crlNumber().orElseThrow();
    }

    private static <T> T await(Duration timeout, Probe<T> probe, String what) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<T> value = probe.get();
            if (value.isPresent()) {
                return value.get();
            }
            TimeUnit.MILLISECONDS.sleep(200);
        }
        throw new AssertionError("no " + what + " within " + timeout.toSeconds() + " s:\n" + status());
    }

    /** The error line (INFO log lines may come before it on stderr). */
    private static String lastLine(Cli.Result r) {
        List<String> lines = r.stderr().lines().toList();
        return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
    }

    /** A condition polled until it yields a value. */
    @FunctionalInterface
    private interface Probe<T> {
        Optional<T> get() throws Exception;
    }

    private static JsonNode json(Cli.Result r) throws Exception {
        return JSON.readTree(r.assertOk().stdout());
    }

    private static String csr(String name) throws Exception {
        return Files.readString(Cli.ecCsr(tmp, name));
    }
}
