package org.brevet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import org.brevet.cli.FakeCaServer.Reply;
import org.brevet.pki.Certificate;
import org.brevet.pki.Csr;
import org.brevet.pki.SubjectAltName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CertRequestCommandTest extends FakeServerTest {
    @TempDir
    Path work;

    @Test
    void opensslCsr_issuedAtOnce_isSentAsIsAndTheCertificateIsSaved() throws Exception {
        pki.openssl.newRsaCsr(work.resolve("www.key").toString(), work.resolve("www.csr").toString(), "/CN=www.example.com", 2048);
        String issued = pem("server.pem");
        server.on("POST /ca/rest/certrequests", Reply.json(200, requestJson("7", "complete", issued)));
        Path out = work.resolve("www.pem");

        CliRun.Result r = CliRun.run(agent("cert", "request", "--profile", "caServerCert",
                "--csr", work.resolve("www.csr").toString(), "--out", out.toString()));

        assertThat(r.err()).isEmpty();
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("Request ID: 7").containsPattern("Status: +complete").contains("Serial:     0x1f2e");
        FakeCaServer.Recorded sent = server.only();
        assertThat(sent.header("Content-Type")).isEqualTo("application/json");
        JsonNode body = parse(sent.body());
        assertThat(body.get("profileId").asText()).isEqualTo("caServerCert");
        assertThat(Csr.parse(body.get("csr").asText())).isEqualTo(Csr.parse(Files.readString(work.resolve("www.csr"))));
        assertThat(sent.clientSubject()).contains("CN=agent007,O=Brevet Test");
        assertThat(Certificate.parse(Files.readString(out))).isEqualTo(Certificate.parse(issued));
        assertThat(Files.getPosixFilePermissions(out)).isEqualTo(PosixFilePermissions.fromString("rw-r--r--"));
    }

    @Test
    void newKey_writesA0600KeyMatchingTheCsrWithTheRequestedNames() throws Exception {
        server.on("POST /ca/rest/certrequests", Reply.json(200, requestJson("8", "pending", null)));
        Path key = work.resolve("host.key");

        CliRun.Result r = CliRun.run(anonymous("cert", "request", "--profile", "caServerCert",
                "--subject", "CN=host.example.com,O=EXAMPLE", "--dns", "host.example.com", "--dns", "alias.example.com",
                "--ip", "192.0.2.10", "--key", "ec:p256", "--key-out", key.toString()));

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("Request ID: 8").containsPattern("Status: +pending");
        assertThat(Files.getPosixFilePermissions(key)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        String csrPem = parse(server.only().body()).get("csr").asText();
        assertThat(server.only().clientSubject()).isEmpty();
        Files.writeString(work.resolve("sent.csr"), csrPem);
        String text = pki.openssl.reqText(work.resolve("sent.csr").toString());
        assertThat(text).contains("DNS:host.example.com", "DNS:alias.example.com", "IP Address:192.0.2.10", "prime256v1")
                .containsPattern("Subject: ?O ?= ?EXAMPLE, ?CN ?= ?host.example.com");
        pki.openssl.ok("req", "-in", work.resolve("sent.csr").toString(), "-verify", "-noout");
        String keyPub = pki.openssl.ok("pkey", "-in", key.toString(), "-pubout").stdout();
        String csrPub = pki.openssl.ok("req", "-in", work.resolve("sent.csr").toString(), "-pubkey", "-noout").stdout();
        assertThat(keyPub).isEqualTo(csrPub);
        assertThat(Csr.parse(csrPem).subjectAltNames()).contains(SubjectAltName.dns("host.example.com"));
    }

    @Test
    void existingKeyFile_isNotOverwritten_andNothingIsSent() throws Exception {
        Path key = work.resolve("keep.key");
        Files.writeString(key, "precious");
        CliRun.Result r = CliRun.run(anonymous("cert", "request", "--profile", "caServerCert",
                "--subject", "CN=x", "--key-out", key.toString()));
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).startsWith("brevet: ").contains("exists");
        assertThat(Files.readString(key)).isEqualTo("precious");
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void pendingAfterWait_exits4_afterBoundedPolling() throws Exception {
        server.on("POST /ca/rest/certrequests", Reply.json(200, requestJson("9", "pending", null)));
        server.on("GET /ca/rest/certrequests/9", Reply.json(200, requestJson("9", "pending", null)));
        CliRun.Result r = CliRun.run(anonymous("cert", "request", "--profile", "caServerCert", "--subject", "CN=x",
                "--key", "ec:p256", "--key-out", work.resolve("x.key").toString(), "--wait", "20"));

        assertThat(r.exitCode()).isEqualTo(4);
        assertThat(r.out()).contains("Request ID: 9").containsPattern("Status: +pending");
        assertThat(r.err()).isEqualTo("brevet: request 9 is still pending after 20 s; an agent must approve it\n");
        assertThat(r.pauses()).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4),
                Duration.ofSeconds(8), Duration.ofSeconds(5));
        assertThat(server.requests()).hasSize(6);
        assertThat(server.requests()).extracting(FakeCaServer.Recorded::clientPort).as("one kept-alive connection")
                .containsOnly(server.requests().get(0).clientPort());
        assertThat(server.requests()).extracting(FakeCaServer.Recorded::tlsProtocol).containsOnly("TLSv1.3");
    }

    @Test
    void approvedWhileWaiting_savesTheCertificate() throws Exception {
        String issued = pem("client.pem");
        server.on("POST /ca/rest/certrequests", Reply.json(200, requestJson("10", "pending", null)));
        server.on("GET /ca/rest/certrequests/10", Reply.json(200, requestJson("10", "pending", null)),
                Reply.json(200, requestJson("10", "complete", issued)));
        Path out = work.resolve("cert.pem");
        CliRun.Result r = CliRun.run(anonymous("cert", "request", "--profile", "caUserCert", "--subject", "CN=x",
                "--key", "ec:p256", "--key-out", work.resolve("x.key").toString(), "--wait", "60", "--out", out.toString()));

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.pauses()).hasSize(2);
        assertThat(Certificate.parse(Files.readString(out))).isEqualTo(Certificate.parse(issued));
    }

    @Test
    void rejectedWhileWaiting_exits1_withTheReason() throws Exception {
        server.on("POST /ca/rest/certrequests", Reply.json(200, requestJson("11", "pending", null)));
        server.on("GET /ca/rest/certrequests/11", Reply.json(200,
                "{\"requestId\":\"11\",\"status\":\"rejected\",\"reason\":\"not our host\"}"));
        CliRun.Result r = CliRun.run(anonymous("cert", "request", "--profile", "caServerCert", "--subject", "CN=x",
                "--key", "ec:p256", "--key-out", work.resolve("x.key").toString(), "--wait", "30"));
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("brevet: request 11 was rejected: not our host\n");
    }

    @Test
    void completeWithoutOut_printsThePem_andJsonOutputIsOneDocument() throws Exception {
        server.on("POST /ca/rest/certrequests", Reply.json(200, requestJson("12", "complete", pem("client.pem"))));
        pki.openssl.newEcCsr(work.resolve("a.key").toString(), work.resolve("a.csr").toString(), "/CN=a", "P-256");
        CliRun.Result text = CliRun.run(agent("cert", "request", "--profile", "caUserCert", "--csr", work.resolve("a.csr").toString()));
        assertThat(text.out()).contains("-----BEGIN CERTIFICATE-----");
        CliRun.Result json = CliRun.run(agent("-o", "json", "cert", "request", "--profile", "caUserCert",
                "--csr", work.resolve("a.csr").toString()));
        JsonNode doc = parse(json.out());
        assertThat(doc.get("requestId").asText()).isEqualTo("12");
        assertThat(doc.get("certificate").asText()).startsWith("-----BEGIN CERTIFICATE-----");
    }

    @Test
    void garbageCsrFile_isALocalError_andNothingIsSent() throws Exception {
        Files.writeString(work.resolve("bad.csr"), "-----BEGIN CERTIFICATE REQUEST-----\nAAAA\n-----END CERTIFICATE REQUEST-----\n");
        CliRun.Result r = CliRun.run(anonymous("cert", "request", "--profile", "p", "--csr", work.resolve("bad.csr").toString()));
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).startsWith("brevet: " + work.resolve("bad.csr") + ": ").doesNotContain("\tat ");
        assertThat(r.err().lines()).hasSize(1);
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void derCsrFile_isSentAsPem() throws Exception {
        pki.openssl.newEcCsr(work.resolve("d.key").toString(), work.resolve("d.csr").toString(), "/CN=der", "P-384");
        pki.openssl.ok("req", "-in", work.resolve("d.csr").toString(), "-outform", "DER", "-out", work.resolve("d.der").toString());
        server.on("POST /ca/rest/certrequests", Reply.json(200, requestJson("13", "pending", null)));
        CliRun.Result r = CliRun.run(anonymous("cert", "request", "--profile", "p", "--csr", work.resolve("d.der").toString()));
        assertThat(r.exitCode()).as(r.err()).isZero();
        String sent = parse(server.only().body()).get("csr").asText();
        assertThat(sent).startsWith("-----BEGIN CERTIFICATE REQUEST-----");
        assertThat(Csr.parse(sent)).isEqualTo(Csr.parse(Files.readString(work.resolve("d.csr"))));
    }

    @Test
    void badSubjectSanOrKeySpec_areUsageErrorsNamingTheOption_andNoKeyIsWritten() {
        Path key = work.resolve("k.key");
        CliRun.Result subject = CliRun.run(anonymous("cert", "request", "--profile", "p", "--subject", "no equals sign",
                "--key-out", key.toString()));
        CliRun.Result ip = CliRun.run(anonymous("cert", "request", "--profile", "p", "--subject", "CN=x", "--ip", "300.1.2.3",
                "--key-out", key.toString()));
        CliRun.Result spec = CliRun.run(anonymous("cert", "request", "--profile", "p", "--subject", "CN=x", "--key", "dsa:1024",
                "--key-out", key.toString()));
        assertThat(subject.exitCode()).isEqualTo(2);
        assertThat(subject.err()).startsWith("brevet: --subject: ");
        assertThat(ip.exitCode()).isEqualTo(2);
        assertThat(ip.err()).startsWith("brevet: --ip: ");
        assertThat(spec.exitCode()).isEqualTo(2);
        assertThat(spec.err()).startsWith("brevet: --key: ");
        assertThat(key).doesNotExist();
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void csrAndSubjectTogether_isAUsageError() {
        CliRun.Result r = CliRun.run(anonymous("cert", "request", "--profile", "p", "--csr", "a.csr", "--subject", "CN=x",
                "--key-out", "k"));
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).startsWith("brevet: ").contains("mutually exclusive");
        assertThat(List.of(r.err().split("\n"))).hasSize(1);
    }

    @Test
    void profileTheServerDoesNotKnow_exits1_withTheServersDetail() throws Exception {
        server.on("POST /ca/rest/certrequests", Reply.error(400, "unknown_profile", "no enabled profile 'nope'"));
        pki.openssl.newEcCsr(work.resolve("a.key").toString(), work.resolve("a.csr").toString(), "/CN=a", "P-256");
        CliRun.Result r = CliRun.run(anonymous("cert", "request", "--profile", "nope", "--csr", work.resolve("a.csr").toString()));
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("brevet: no enabled profile 'nope' [unknown_profile]\n");
    }
}
