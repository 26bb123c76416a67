package org.brevet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.brevet.cli.FakeCaServer.Reply;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CertFindAndShowTest extends FakeServerTest {
    @TempDir
    Path work;

    private static final String PAGE = "{\"certificates\":[{\"serial\":\"0x1f2e\",\"subject\":\"CN=www.example.com\","
            + "\"issuer\":\"CN=Test CA\",\"notBefore\":\"2026-11-23T20:00:00Z\",\"notAfter\":\"2027-11-23T20:00:00Z\","
            + "\"status\":\"VALID\",\"requestId\":\"7\",\"profileId\":\"caServerCert\"}],"
            + "\"start\":0,\"size\":20,\"hasMore\":false}";

    @Test
    void find_sendsEveryFilterEncoded_andPrintsATable() {
        server.on("GET /ca/rest/certs", Reply.json(200, PAGE));
        CliRun.Result r = CliRun.run(anonymous("cert", "find", "--subject", "CN=www example+x", "--status", "valid",
                "--expires-before", "2027-01-01", "--start", "40", "--size", "10"));
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(server.only().query())
                .isEqualTo("subject=CN%3Dwww+example%2Bx&status=VALID&expiresBefore=2027-01-01&start=40&size=10");
        assertThat(r.out().lines()).containsExactly(
                "SERIAL  STATUS  NOT AFTER             PROFILE       SUBJECT",
                "0x1f2e  VALID   2027-11-23T20:00:00Z  caServerCert  CN=www.example.com");
    }

    @Test
    void find_asJson_isValidJson() throws Exception {
        server.on("GET /ca/rest/certs", Reply.json(200, PAGE));
        JsonNode doc = parse(CliRun.run(anonymous("cert", "find", "-o", "json")).out());
        assertThat(doc.get("certificates").get(0).get("serial").asText()).isEqualTo("0x1f2e");
        assertThat(doc.get("hasMore").asBoolean()).isFalse();
    }

    @Test
    void find_badDate_isAUsageError_andNothingIsSent() {
        CliRun.Result r = CliRun.run(anonymous("cert", "find", "--expires-before", "next tuesday"));
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).startsWith("brevet: --expires-before: 'next tuesday' is neither");
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void find_instant_isAccepted_andBadStatusIsAUsageError() {
        server.on("GET /ca/rest/certs", Reply.json(200, "{\"certificates\":[],\"start\":0,\"size\":20,\"hasMore\":false}"));
        CliRun.Result ok = CliRun.run(anonymous("cert", "find", "--expires-before", "2027-01-01T00:00:00Z"));
        assertThat(ok.exitCode()).isZero();
        assertThat(ok.out()).isEqualTo("No certificates found.\n");
        CliRun.Result bad = CliRun.run(anonymous("cert", "find", "--status", "LOST"));
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).startsWith("brevet: Invalid value for option '--status'");
    }

    @Test
    void show_normalizesTheSerial_andPrintsFields() {
        server.on("GET /ca/rest/certs/0x1f2e", Reply.json(200, PAGE.substring(17, PAGE.indexOf('}') + 1)));
        CliRun.Result r = CliRun.run(anonymous("cert", "show", "1F:2E"));
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(server.only().path()).isEqualTo("/ca/rest/certs/0x1f2e");
        assertThat(r.out()).contains("Serial:     0x1f2e\n", "Subject:    CN=www.example.com\n", "Status:     VALID\n");
    }

    @Test
    void show_asJson_isValidJsonWithThePem() throws Exception {
        server.on("GET /ca/rest/certs/0x1f2e", Reply.json(200, JSON.createObjectNode().put("serial", "0x1f2e")
                .put("status", "REVOKED").put("revokedAt", "2026-11-24T00:00:00Z").put("pem", pem("server.pem")).toString()));
        JsonNode doc = parse(CliRun.run(anonymous("cert", "show", "0x1f2e", "-o", "json")).out());
        assertThat(doc.get("revokedAt").asText()).isEqualTo("2026-11-24T00:00:00Z");
        assertThat(doc.get("pem").asText()).isEqualTo(pem("server.pem"));
        assertThat(doc.has("issuedAt")).as("absent fields are left out, not null").isFalse();
    }

    @Test
    void show_pemAndDer_matchWhatOpensslMakesOfTheCertificate() throws Exception {
        String pem = pem("server.pem");
        server.on("GET /ca/rest/certs/0x1f2e", Reply.json(200, JSON.createObjectNode().put("serial", "0x1f2e").put("pem", pem).toString()));
        CliRun.Result printed = CliRun.run(anonymous("cert", "show", "0x1f2e", "--pem"));
        assertThat(printed.out()).startsWith("-----BEGIN CERTIFICATE-----").endsWith("-----END CERTIFICATE-----\n");
        Path der = work.resolve("c.der");
        assertThat(CliRun.run(anonymous("cert", "show", "0x1f2e", "--der", "--out", der.toString())).exitCode()).isZero();
        pki.openssl.ok("x509", "-in", pki.path("server.pem").toString(), "-outform", "DER", "-out", work.resolve("expected.der").toString());
        assertThat(Files.readAllBytes(der)).isEqualTo(Files.readAllBytes(work.resolve("expected.der")));
        Path out = work.resolve("c.pem");
        assertThat(CliRun.run(anonymous("cert", "show", "0x1f2e", "--out", out.toString())).exitCode()).isZero();
        assertThat(Files.readString(out)).isEqualTo(printed.out());
    }

    @Test
    void show_derWithoutOut_isAUsageError() {
        CliRun.Result r = CliRun.run(anonymous("cert", "show", "1f", "--der"));
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void show_notASerial_isAUsageError() {
        CliRun.Result r = CliRun.run(anonymous("cert", "show", "xyz"));
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("brevet: not a serial number: 'xyz'\n");
    }

    @Test
    void show_unknownSerial_exits1() {
        server.on("GET /ca/rest/certs/0x99", Reply.error(404, "not_found", "no certificate with serial 0x99"));
        CliRun.Result r = CliRun.run(anonymous("cert", "show", "99"));
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("brevet: no certificate with serial 0x99 [not_found]\n");
    }
}
