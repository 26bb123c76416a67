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
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import org.brevet.ca.audit.AuditVerification;
import org.brevet.ca.audit.AuditVerifier;
import org.brevet.pki.Certificate;
import org.brevet.pki.KeySpec;
import org.brevet.testkit.Openssl;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Revocation through the running server, checked with tools we did not write: openssl ocsp against
 * /ca/ocsp reports good, then revoked with the reason; the CRL from /crl/MasterCRL.pem verifies with
 * openssl crl, and openssl verify -crl_check rejects the revoked certificate and accepts a good one. The
 * signed audit trail of the whole run verifies.
 */
class RevocationEndToEndTest {
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
        admin = client(true);
        anonymous = client(false);
    }

    /** Stops the server (sealing the audit log) and verifies the signed audit trail of everything the tests did. */
    @AfterAll
    static void stopAndVerifyTheAuditTrail() {
        if (server == null) {
            return;
        }
        server.close();
        Certificate auditCert = KeyToken.open(layout).entry(KeyToken.AUDIT_SIGNING).certificate();
        AuditVerification v = new AuditVerifier(auditCert).verify(layout.auditDir());
        assertThat(v.intact()).as(String.valueOf(v.firstBad())).isTrue();
        assertThat(v.signatures()).isPositive();
        assertThat(v.unsignedTail()).isZero();
    }

    private static HttpClient client(boolean withAdmin) throws Exception {
        return TestHttps.client(layout, withAdmin ? TestHttps.adminKeys(layout) : null);
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

    private static String issue(Openssl openssl, String name) throws Exception {
        openssl.newEcCsr(name + ".key", name + ".csr", "/CN=" + name + ".example.com", "P-256");
        String body = JSON.createObjectNode().put("profileId", "caECServerCert")
                .put("csr", Files.readString(dir.resolve(name + ".csr"))).toString();
        HttpResponse<String> issued = send(admin, HttpRequest.newBuilder(https("/ca/rest/certrequests"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)));
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(200);
        JsonNode doc = JSON.readTree(issued.body());
        Files.writeString(dir.resolve(name + ".pem"), doc.get("certificate").asText());
        return doc.get("serial").asText();
    }

    private static String ocsp(Openssl openssl, String certFile) {
        return openssl.ok("ocsp", "-issuer", layout.caCertificate().toString(), "-cert", certFile,
                "-url", "http://127.0.0.1:" + server.httpPort() + "/ca/ocsp", "-CAfile", layout.caCertificate().toString(),
                "-resp_text").output();
    }

    @Test
    void opensslOcspAndCrl_seeTheRevocation_andTheAuditTrailVerifies() throws Exception {
        Openssl openssl = new Openssl(dir);
        String bad = issue(openssl, "bad");
        issue(openssl, "good");

        String before = ocsp(openssl, "bad.pem");
        assertThat(before).contains("Response verify OK", "bad.pem: good").doesNotContain("Nonce Verify error");

        HttpResponse<String> revoked = send(admin, HttpRequest.newBuilder(https("/ca/rest/agent/certs/" + bad + "/revoke"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"reason\":\"keyCompromise\",\"comment\":\"test\"}")));
        assertThat(revoked.statusCode()).as(revoked.body()).isEqualTo(200);
        assertThat(JSON.readTree(revoked.body()).get("status").asText()).isEqualTo("REVOKED");

        assertThat(ocsp(openssl, "bad.pem")).contains("Response verify OK", "bad.pem: revoked", "Reason: keyCompromise");
        assertThat(ocsp(openssl, "good.pem")).contains("good.pem: good");

        HttpResponse<String> twice = send(admin, HttpRequest.newBuilder(https("/ca/rest/agent/certs/" + bad + "/revoke"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"reason\":\"superseded\"}")));
        assertThat(twice.statusCode()).isEqualTo(409);
        assertThat(JSON.readTree(twice.body()).get("error").asText()).isEqualTo("already_revoked");

        HttpResponse<String> update = send(admin, HttpRequest.newBuilder(https("/ca/rest/agent/crls/MasterCRL/update"))
                .POST(HttpRequest.BodyPublishers.ofString("{}")));
        assertThat(update.statusCode()).as(update.body()).isEqualTo(200);
        HttpResponse<String> crl = send(anonymous, HttpRequest.newBuilder(http("/crl/MasterCRL.pem")));
        assertThat(crl.statusCode()).isEqualTo(200);
        Files.writeString(dir.resolve("crl.pem"), crl.body());
        String ca = layout.caCertificate().toString();
        assertThat(openssl.ok("crl", "-in", "crl.pem", "-CAfile", ca, "-noout").output()).contains("verify OK");
        assertThat(openssl.run("verify", "-crl_check", "-CRLfile", "crl.pem", "-CAfile", ca, "bad.pem"))
                .satisfies(r -> assertThat(r.exitCode()).isNotZero())
                .satisfies(r -> assertThat(r.output()).contains("certificate revoked"));
        assertThat(openssl.ok("verify", "-crl_check", "-CRLfile", "crl.pem", "-CAfile", ca, "good.pem").output())
                .contains("good.pem: OK");

        HttpResponse<byte[]> der = anonymous.send(HttpRequest.newBuilder(
                http("/ca/ee/ca/getCRL?op=getCRL&crlIssuingPoint=MasterCRL")).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(der.statusCode()).isEqualTo(200);
        assertThat(der.headers().firstValue("Content-Type")).contains("application/pkix-crl");
        assertThat(org.brevet.pki.Crl.parse(der.body()).isRevoked(org.brevet.pki.SerialNumber.parse(bad))).isTrue();
    }

    @Test
    void badInput_overHttp() throws Exception {
        HttpResponse<byte[]> garbage = anonymous.send(HttpRequest.newBuilder(http("/ca/ocsp"))
                .header("Content-Type", "application/ocsp-request").POST(HttpRequest.BodyPublishers.ofString("not DER")).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(garbage.statusCode()).isEqualTo(200);
        assertThat(garbage.body()).containsExactly(0x30, 0x03, 0x0a, 0x01, 0x01); // OCSPResponse, malformedRequest

        HttpResponse<String> unknownPoint = send(anonymous, HttpRequest.newBuilder(
                http("/ca/ee/ca/getCRL?op=getCRL&crlIssuingPoint=NoSuchCRL")));
        assertThat(unknownPoint.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(unknownPoint.body()).get("detail").asText()).contains("unknown CRL issuing point 'NoSuchCRL'");

        HttpResponse<String> unknownSerial = send(admin, HttpRequest.newBuilder(https("/ca/rest/agent/certs/0x1234/revoke"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"reason\":\"keyCompromise\"}")));
        assertThat(unknownSerial.statusCode()).isEqualTo(404);

        HttpResponse<String> noReason = send(admin, HttpRequest.newBuilder(https("/ca/rest/agent/certs/0x1234/revoke"))
                .POST(HttpRequest.BodyPublishers.ofString("{}")));
        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(noReason.body()).get("detail").asText()).contains("reason: required");

        HttpResponse<String> anonymousAgent = send(anonymous, HttpRequest.newBuilder(https("/ca/rest/agent/certs/0x1234/revoke"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"reason\":\"keyCompromise\"}")));
        assertThat(anonymousAgent.statusCode()).isEqualTo(401);
    }
}
