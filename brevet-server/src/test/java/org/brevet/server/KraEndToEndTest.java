package org.brevet.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import javax.net.ssl.KeyManagerFactory;
import org.brevet.ca.api.ArchivedKeyId;
import org.brevet.ca.api.KeyArchivalRequest;
import org.brevet.ca.api.RequestId;
import org.brevet.ca.audit.AuditVerification;
import org.brevet.ca.audit.AuditVerifier;
import org.brevet.kra.KraKeys;
import org.brevet.pki.BrevetException;
import org.brevet.pki.Certificate;
import org.brevet.pki.Der;
import org.brevet.pki.ErrorKind;
import org.brevet.pki.KeySpec;
import org.brevet.pki.PrivateKeys;
import org.brevet.pki.PublicKeys;
import org.brevet.protocol.crmf.ArchiveOptions;
import org.brevet.protocol.crmf.KeyWrapAlgorithm;
import org.brevet.testkit.Openssl;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The KRA through the running server: the transport certificate published at the CA and KRA paths, a key
 * archived with client-built PKIArchiveOptions, recovery by key id and by certificate serial through the REST
 * routes, approvals by distinct agents, retrieval by the requester only; the recovered PKCS#12 opens with
 * openssl pkcs12 and its key matches the certificate. The signed audit trail of the run verifies and holds
 * no passphrase.
 */
class KraEndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();

    @TempDir
    static Path dir;

    private static InstanceLayout layout;
    private static BrevetServer server;
    private static HttpClient admin;
    private static HttpClient bob;
    private static HttpClient anonymous;
    private static Openssl openssl;

    @BeforeAll
    static void start() throws Exception {
        layout = TestInstances.create(dir.resolve("ca"), KeySpec.EC_P256);
        server = BrevetServer.start(layout, Clock.systemUTC(), RANDOM);
        openssl = new Openssl(dir);
        admin = TestHttps.client(layout, TestHttps.adminKeys(layout));
        anonymous = TestHttps.client(layout, null);
        bob = TestHttps.client(layout, agent("bob"));
    }

    @AfterAll
    static void stopAndVerifyTheAuditTrail() throws IOException {
        if (server == null) {
            return;
        }
        server.close();
        Certificate auditCert = KeyToken.open(layout).entry(KeyToken.AUDIT_SIGNING).certificate();
        AuditVerification v = new AuditVerifier(auditCert).verify(layout.auditDir());
        assertThat(v.intact()).as(String.valueOf(v.firstBad())).isTrue();
        String trail;
        try (var files = Files.list(layout.auditDir())) {
            StringBuilder all = new StringBuilder();
            for (Path f : files.toList()) {
                all.append(Files.readString(f));
            }
            trail = all.toString();
        }
        assertThat(trail).contains("SECURITY_DATA_ARCHIVAL_REQUEST_PROCESSED", "SECURITY_DATA_RECOVERY_REQUEST",
                "KEY_RECOVERY_AGENT_LOGIN", "SECURITY_DATA_RECOVERY_REQUEST_PROCESSED")
                .doesNotContain("p12-passphrase-1");
    }

    @Test
    void transportCertificate_isPublishedAtTheCaAndKraPaths_asJsonPemAndDer() throws Exception {
        Certificate transport = KeyToken.open(layout).entry(KraKeys.TRANSPORT_NICKNAME).certificate();

        JsonNode ca = JSON.readTree(get(anonymous, http("/ca/rest/config/cert/transport"), "application/json").body());
        HttpResponse<String> pem = get(anonymous, https("/kra/rest/config/cert/transport"), "application/x-pem-file");
        HttpResponse<byte[]> der = anonymous.send(HttpRequest.newBuilder(http("/kra/rest/config/cert/transport"))
                .header("Accept", "application/pkix-cert").build(), HttpResponse.BodyHandlers.ofByteArray());

        assertThat(ca.get("SubjectDN").asText()).contains("CN=DRM Transport Certificate");
        assertThat(Certificate.parse(ca.get("Encoded").asText())).isEqualTo(transport);
        assertThat(pem.headers().firstValue("Content-Type").orElse("")).startsWith("application/x-pem-file");
        assertThat(Certificate.parse(pem.body())).isEqualTo(transport);
        assertThat(Certificate.fromDer(Der.of(der.body()))).isEqualTo(transport);
        Files.writeString(dir.resolve("transport.pem"), pem.body());
        assertThat(openssl.ok("verify", "-CAfile", layout.caCertificate().toString(), dir.resolve("transport.pem").toString())
                .output()).contains("OK");
    }

    @Test
    void archivedKey_recoveredByKeyId_opensWithOpensslAndMatchesTheCertificate() throws Exception {
        Enrolled alice = enrollAndArchive("alice");

        JsonNode asked = post(admin, "/kra/rest/agent/keyrequests", "{\"keyId\":\"" + alice.keyId + "\"}", 201);
        String requestId = asked.get("requestId").asText();
        assertThat(asked.get("requestStatus").asText()).isEqualTo("pending");
        JsonNode approved = post(admin, "/kra/rest/agent/keyrequests/" + requestId + "/approve", "", 200);
        assertThat(approved.get("requestStatus").asText()).isEqualTo("approved");
        JsonNode keyData = post(admin, "/kra/rest/agent/keys/retrieve",
                "{\"requestId\":\"" + requestId + "\",\"passphrase\":\"p12-passphrase-1\"}", 200);

        Path p12 = dir.resolve("alice-recovered.p12");
        Files.write(p12, Base64.getDecoder().decode(keyData.get("p12Data").asText()));
        String pem = openssl.pkcs12ToPem(p12.toString(), "p12-passphrase-1");
        Path recoveredKey = dir.resolve("alice-recovered.key");
        Files.writeString(recoveredKey, pem);
        String keyModulus = openssl.ok("pkey", "-in", recoveredKey.toString(), "-pubout").output();
        String certModulus = openssl.ok("x509", "-in", alice.certFile.toString(), "-noout", "-pubkey").output();
        assertThat(keyModulus.strip()).isEqualTo(certModulus.strip());
        assertThat(pem).contains(Certificate.parse(Files.readString(alice.certFile)).toPem().strip().split("\n")[1]);
        assertThat(JSON.readTree(get(admin, https("/kra/rest/agent/keyrequests/" + requestId), "application/json").body())
                .get("requestStatus").asText()).isEqualTo("complete");
    }

    @Test
    void recoveryByCertificateSerial_retrievedByAnotherAgent_isRefused_thenTheRequesterGetsIt() throws Exception {
        Enrolled carol = enrollAndArchive("carol");

        JsonNode asked = post(admin, "/kra/rest/agent/keyrequests", "{\"certSerial\":\"" + carol.serial + "\"}", 201);
        String requestId = asked.get("requestId").asText();
        assertThat(asked.get("keyId").asText()).isEqualTo(carol.keyId);
        post(bob, "/kra/rest/agent/keyrequests/" + requestId + "/approve", "", 200);

        HttpResponse<String> byBob = send(bob, HttpRequest.newBuilder(https("/kra/rest/agent/keys/retrieve"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"requestId\":\"" + requestId + "\",\"passphrase\":\"x\"}")));
        assertThat(byBob.statusCode()).as(byBob.body()).isEqualTo(403);
        assertThat(JSON.readTree(get(admin, https("/kra/rest/agent/keyrequests/" + requestId), "application/json").body())
                .get("requestStatus").asText()).isEqualTo("approved");
        JsonNode keyData = post(admin, "/kra/rest/agent/keys/retrieve",
                "{\"requestId\":\"" + requestId + "\",\"passphrase\":\"p12-passphrase-2\"}", 200);
        assertThat(keyData.get("p12Data").asText()).isNotEmpty();
    }

    @Test
    void sameAgentApprovingTwice_isConflict() throws Exception {
        Enrolled dave = enrollAndArchive("dave");
        String requestId = post(admin, "/kra/rest/agent/keyrequests", "{\"keyId\":\"" + dave.keyId + "\"}", 201)
                .get("requestId").asText();
        post(bob, "/kra/rest/agent/keyrequests/" + requestId + "/approve", "", 200);

        HttpResponse<String> again = send(bob, HttpRequest.newBuilder(https("/kra/rest/agent/keyrequests/" + requestId + "/approve"))
                .POST(HttpRequest.BodyPublishers.noBody()));

        assertThat(again.statusCode()).as(again.body()).isEqualTo(409);
    }

    @Test
    void keyFind_listsArchivedKeys_forAgentsOnly() throws Exception {
        Enrolled erin = enrollAndArchive("erin");

        JsonNode keys = JSON.readTree(get(admin, https("/kra/rest/agent/keys?owner=erin"), "application/json").body());
        HttpResponse<String> anon = get(anonymous, https("/kra/rest/agent/keys"), "application/json");

        assertThat(keys.get("total").asInt()).isEqualTo(1);
        assertThat(keys.get("entries").get(0).get("keyId").asText()).isEqualTo(erin.keyId);
        assertThat(keys.get("entries").get(0).get("status").asText()).isEqualTo("active");
        assertThat(anon.statusCode()).isEqualTo(401);
    }

    @Test
    void archival_wrappedToAnotherTransportKey_storesNothing() throws Exception {
        openssl.newEcCsr("frank.key", "frank.csr", "/CN=Frank/UID=frank", "P-256");
        PrivateKey key = PrivateKeys.read(dir.resolve("frank.key"));
        Der options = ArchiveOptions.wrap(key, KeySpec.RSA_2048.generate(RANDOM).getPublic(),
                KeyWrapAlgorithm.AES_128_KEY_WRAP_PAD, RANDOM).toDer();
        KeyArchivalRequest request = new KeyArchivalRequest(RequestId.random(RANDOM), options,
                PublicKeys.toDer(PrivateKeys.publicKeyOf(key)), "UID=frank,CN=Frank");

        BrevetException e = org.assertj.core.api.Assertions.catchThrowableOfType(BrevetException.class,
                () -> server.keyArchive().orElseThrow().archive(request));

        assertThat(e.kind()).isEqualTo(ErrorKind.BAD_POP);
        JsonNode keys = JSON.readTree(get(admin, https("/kra/rest/agent/keys?owner=frank"), "application/json").body());
        assertThat(keys.get("total").asInt()).isZero();
    }

    private record Enrolled(String serial, String keyId, Path certFile) {
    }

    /** Enrolls a caUserCert over REST with an openssl key, then archives that key for the request. */
    private static Enrolled enrollAndArchive(String uid) throws Exception {
        openssl.newEcCsr(uid + ".key", uid + ".csr", "/CN=" + uid + "/UID=" + uid, "P-256");
        JsonNode issued = enroll(uid);
        Path certFile = dir.resolve(uid + ".pem");
        Files.writeString(certFile, issued.get("certificate").asText());
        PrivateKey key = PrivateKeys.read(dir.resolve(uid + ".key"));
        Certificate transport = Certificate.parse(get(anonymous, http("/ca/rest/config/cert/transport"),
                "application/x-pem-file").body());
        Der options = ArchiveOptions.wrap(key, transport.publicKey(), KeyWrapAlgorithm.AES_128_KEY_WRAP_PAD, RANDOM).toDer();
        ArchivedKeyId id = server.keyArchive().orElseThrow().archive(new KeyArchivalRequest(
                RequestId.parse(issued.get("requestId").asText()), options,
                PublicKeys.toDer(Certificate.parse(issued.get("certificate").asText()).publicKey()),
                issued.get("subject").asText()));
        return new Enrolled(issued.get("serial").asText(), id.toString(), certFile);
    }

    private static JsonNode enroll(String uid) throws Exception {
        String body = JSON.createObjectNode().put("profileId", "caUserCert")
                .put("csr", Files.readString(dir.resolve(uid + ".csr"))).toString();
        HttpResponse<String> issued = send(admin, HttpRequest.newBuilder(https("/ca/rest/certrequests"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)));
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(200);
        return JSON.readTree(issued.body());
    }

    /** A second agent: a certificate from the CA, a user with the agent role, the certificate mapped to it. */
    private static KeyManagerFactory agent(String uid) throws Exception {
        openssl.newEcCsr(uid + ".key", uid + ".csr", "/CN=" + uid + "/UID=" + uid, "P-256");
        JsonNode issued = enroll(uid);
        post(admin, "/ca/rest/admin/users", JSON.createObjectNode().put("userId", uid).put("fullName", uid)
                .set("roles", JSON.createArrayNode().add("agent")).toString(), 201, 200);
        post(admin, "/ca/rest/admin/users/" + uid + "/certs",
                JSON.createObjectNode().put("certificate", issued.get("certificate").asText()).toString(), 201, 200);
        KeyStore p12 = KeyStore.getInstance("PKCS12");
        p12.load(null, null);
        Certificate cert = Certificate.parse(issued.get("certificate").asText());
        p12.setKeyEntry(uid, PrivateKeys.read(dir.resolve(uid + ".key")), "pw".toCharArray(),
                new java.security.cert.Certificate[] {cert.toX509()});
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(p12, "pw".toCharArray());
        return kmf;
    }

    private static JsonNode post(HttpClient client, String path, String body, int... expected) throws Exception {
        HttpResponse<String> r = send(client, HttpRequest.newBuilder(https(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        assertThat(r.statusCode()).as(r.body()).isIn(java.util.Arrays.stream(expected).boxed().toArray());
        return JSON.readTree(r.body());
    }

    private static HttpResponse<String> get(HttpClient client, URI uri, String accept) throws Exception {
        return send(client, HttpRequest.newBuilder(uri).header("Accept", accept));
    }

    private static HttpResponse<String> send(HttpClient client, HttpRequest.Builder request) throws IOException, InterruptedException {
        return client.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static URI https(String path) {
        return URI.create("https://localhost:" + server.httpsPort() + path);
    }

    private static URI http(String path) {
        return URI.create("http://127.0.0.1:" + server.httpPort() + path);
    }
}
