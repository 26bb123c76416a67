package org.brevet.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import javax.net.ssl.KeyManagerFactory;
import org.brevet.pki.Der;
import org.brevet.pki.KeySpec;
import org.brevet.pki.Pem;
import org.brevet.testkit.Openssl;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 2's bad inputs against the real server: one JSON error with the documented status, nothing stored. */
class BadInputOverHttpsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;

    private static InstanceLayout layout;
    private static BrevetServer server;
    private static HttpClient admin;
    private static HttpClient anonymous;

    @BeforeAll
    static void start() throws Exception {
        layout = TestInstances.create(dir.resolve("ca"), KeySpec.EC_P256);
        server = BrevetServer.start(layout, Clock.systemUTC(), new SecureRandom());
        KeyManagerFactory kmf = TestHttps.adminKeys(layout);
        admin = client(kmf);
        anonymous = client(null);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static HttpClient client(KeyManagerFactory keys) throws Exception {
        return TestHttps.client(layout, keys);
    }

    private static HttpResponse<String> post(HttpClient client, String path, String body) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("https://localhost:" + server.httpsPort() + path))
                .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(HttpClient client, String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("https://localhost:" + server.httpsPort() + path))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String enroll(String profile, String csr) {
        return JSON.createObjectNode().put("profileId", profile).put("csr", csr).toString();
    }

    private static JsonNode error(HttpResponse<String> r) throws Exception {
        JsonNode body = JSON.readTree(r.body());
        assertThat(body.fieldNames()).toIterable().containsExactly("error", "detail");
        return body;
    }

    private static int pendingCount() throws Exception {
        return JSON.readTree(get(admin, "/ca/rest/agent/certrequests?status=pending&size=1000").body()).get("requests").size();
    }

    private static String opensslCsr(String name, String... keyArgs) {
        Openssl openssl = new Openssl(dir);
        String[] args = new String[keyArgs.length + 9];
        String[] head = {"req", "-new", "-nodes", "-keyout", name + ".key", "-out", name + ".csr", "-subj", "/CN=" + name + ".example.com"};
        System.arraycopy(head, 0, args, 0, head.length);
        System.arraycopy(keyArgs, 0, args, head.length, keyArgs.length);
        openssl.ok(args);
        try {
            return Files.readString(dir.resolve(name + ".csr"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void garbageCsr_is400MalformedAndNothingStored() throws Exception {
        int before = pendingCount();

        HttpResponse<String> r = post(anonymous, "/ca/rest/certrequests", enroll("caServerCert", "garbage"));

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(error(r).get("error").asText()).isEqualTo("malformed");
        assertThat(pendingCount()).isEqualTo(before);
    }

    @Test
    void csrWhoseSignatureDoesNotVerify_is400BadSignature() throws Exception {
        byte[] der = Pem.decode(opensslCsr("tampered", "-newkey", "rsa:2048"), Pem.CERTIFICATE_REQUEST).bytes();
        der[der.length - 5] ^= 0x01;
        int before = pendingCount();

        HttpResponse<String> r = post(anonymous, "/ca/rest/certrequests",
                enroll("caServerCert", Pem.encode(Pem.CERTIFICATE_REQUEST, Der.of(der))));

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(error(r).get("error").asText()).isEqualTo("bad_signature");
        assertThat(pendingCount()).isEqualTo(before);
    }

    @Test
    void keyBelowTheProfilesMinimum_is422RejectedByPolicy() throws Exception {
        HttpResponse<String> r = post(anonymous, "/ca/rest/certrequests",
                enroll("caServerCert", opensslCsr("weak", "-newkey", "rsa:1024")));

        assertThat(r.statusCode()).isEqualTo(422);
        assertThat(error(r).get("error").asText()).isEqualTo("rejected_by_policy");
    }

    @Test
    void unknownProfile_is400UnknownProfile() throws Exception {
        HttpResponse<String> r = post(anonymous, "/ca/rest/certrequests",
                enroll("noSuchProfile", opensslCsr("unknown", "-newkey", "rsa:2048")));

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(error(r).get("error").asText()).isEqualTo("unknown_profile");
    }

    @Test
    void unknownRequestId_is404() throws Exception {
        HttpResponse<String> r = post(admin, "/ca/rest/agent/certrequests/12345/approve", "");

        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(error(r).get("error").asText()).isEqualTo("not_found");
    }

    @Test
    void approvingTwice_is409AndIssuesOnce() throws Exception {
        HttpResponse<String> submitted = post(anonymous, "/ca/rest/certrequests",
                enroll("caServerCert", opensslCsr("twice", "-newkey", "rsa:2048")));
        String id = JSON.readTree(submitted.body()).get("requestId").asText();

        HttpResponse<String> first = post(admin, "/ca/rest/agent/certrequests/" + id + "/approve", "");
        HttpResponse<String> second = post(admin, "/ca/rest/agent/certrequests/" + id + "/approve", "");

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(second.statusCode()).isEqualTo(409);
        assertThat(error(second).get("error").asText()).isEqualTo("conflict");
        JsonNode found = JSON.readTree(get(anonymous, "/ca/rest/certs?subject=twice.example.com").body());
        assertThat(found.get("certificates")).hasSize(1);
    }

    @Test
    void approvalByUserWithoutAgentRole_is403() throws Exception {
        Openssl openssl = new Openssl(dir);
        openssl.ok("req", "-new", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-keyout", "auditor.key",
                "-out", "auditor.csr", "-subj", "/CN=Auditor One/UID=auditor1");
        HttpResponse<String> issued = post(admin, "/ca/rest/certrequests",
                enroll("caUserCert", Files.readString(dir.resolve("auditor.csr"))));
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(200);
        String certPem = JSON.readTree(issued.body()).get("certificate").asText();
        post(admin, "/ca/rest/admin/users", "{\"userId\":\"auditor1\",\"fullName\":\"Auditor One\",\"roles\":[\"auditor\"]}");
        HttpResponse<String> mapped = post(admin, "/ca/rest/admin/users/auditor1/certs",
                JSON.createObjectNode().put("certificate", certPem).toString());
        assertThat(mapped.statusCode()).as(mapped.body()).isEqualTo(200);
        Files.writeString(dir.resolve("auditor.pem"), certPem);
        openssl.ok("pkcs12", "-export", "-inkey", "auditor.key", "-in", "auditor.pem", "-out", "auditor.p12", "-passout", "pass:pw");
        KeyStore p12 = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(dir.resolve("auditor.p12"))) {
            p12.load(in, "pw".toCharArray());
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(p12, "pw".toCharArray());
        String id = JSON.readTree(post(anonymous, "/ca/rest/certrequests",
                enroll("caServerCert", opensslCsr("byauditor", "-newkey", "rsa:2048"))).body()).get("requestId").asText();

        HttpResponse<String> r = post(client(kmf), "/ca/rest/agent/certrequests/" + id + "/approve", "");

        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(error(r).get("error").asText()).isEqualTo("unauthorized");
        assertThat(JSON.readTree(get(anonymous, "/ca/rest/certrequests/" + id).body()).get("status").asText()).isEqualTo("pending");
    }
}
