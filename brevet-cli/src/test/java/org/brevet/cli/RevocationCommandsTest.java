package org.brevet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.EnumSet;
import java.util.OptionalInt;
import org.brevet.cli.FakeCaServer.Reply;
import org.brevet.pki.Certificate;
import org.brevet.pki.CertificateBuilder;
import org.brevet.pki.Crl;
import org.brevet.pki.CrlBuilder;
import org.brevet.pki.DistinguishedName;
import org.brevet.pki.KeySpec;
import org.brevet.pki.KeyUsage;
import org.brevet.pki.RevocationReason;
import org.brevet.pki.RevokedEntry;
import org.brevet.pki.SerialNumber;
import org.brevet.pki.Signer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RevocationCommandsTest extends FakeServerTest {
    private static final String REVOKED = "{\"serial\":\"0x1f2e\",\"status\":\"REVOKED\",\"reason\":\"keyCompromise\","
            + "\"revokedAt\":\"2026-11-23T21:00:00Z\",\"invalidityDate\":\"2026-11-20T00:00:00Z\",\"revokedBy\":\"agent007\","
            + "\"comment\":\"laptop stolen\"}";

    @TempDir
    Path work;

    @Test
    void revoke_sendsReasonDateAndComment_toTheAgentPath() throws Exception {
        server.on("POST /ca/rest/agent/certs/0x1f2e/revoke", Reply.json(200, REVOKED));
        CliRun.Result r = CliRun.run(agent("cert", "revoke", "1F:2E", "--reason", "Key_Compromise",
                "--invalidity-date", "2026-11-20", "--comment", "laptop stolen"));
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode body = JSON.readTree(server.only().body());
        assertThat(body.get("reason").asText()).isEqualTo("keyCompromise");
        assertThat(body.get("invalidityDate").asText()).isEqualTo("2026-11-20T00:00:00Z");
        assertThat(body.get("comment").asText()).isEqualTo("laptop stolen");
        assertThat(server.only().clientSubject()).isPresent();
        assertThat(r.out()).contains("Status:", "REVOKED", "keyCompromise", "laptop stolen");
    }

    @Test
    void revokeAsHolder_usesTheEndEntityPath() {
        server.on("POST /ca/rest/certs/0x1f2e/revoke", Reply.json(200, REVOKED));
        CliRun.Result r = CliRun.run(agent("cert", "revoke", "0x1f2e", "--reason", "1", "--holder"));
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(server.only().body()).isEqualTo("{\"reason\":\"keyCompromise\"}");
    }

    @Test
    void hold_andReleaseHold() throws Exception {
        server.on("POST /ca/rest/agent/certs/0x1f2e/revoke", Reply.json(200,
                "{\"serial\":\"0x1f2e\",\"status\":\"ON_HOLD\",\"reason\":\"certificateHold\",\"revokedAt\":\"2026-11-23T21:00:00Z\"}"));
        server.on("POST /ca/rest/agent/certs/0x1f2e/unrevoke", Reply.json(200, "{\"serial\":\"0x1f2e\",\"status\":\"VALID\"}"));
        assertThat(CliRun.run(agent("cert", "hold", "0x1f2e")).exitCode()).isZero();
        CliRun.Result released = CliRun.run(agent("cert", "release-hold", "0x1f2e", "-o", "json"));
        assertThat(released.exitCode()).as(released.err()).isZero();
        assertThat(JSON.readTree(server.requests().get(0).body()).get("reason").asText()).isEqualTo("certificateHold");
        assertThat(server.requests().get(1).path()).isEqualTo("/ca/rest/agent/certs/0x1f2e/unrevoke");
        assertThat(JSON.readTree(released.out()).get("status").asText()).isEqualTo("VALID");
    }

    @Test
    void serverRefusals_areOneLine_exit1() {
        server.on("POST /ca/rest/agent/certs/0x1f2e/revoke", Reply.error(409, "already_revoked",
                "certificate 0x1f2e is already revoked (superseded) since 2026-11-23T20:00:00Z"));
        server.on("POST /ca/rest/agent/certs/0x99/revoke", Reply.error(404, "not_found", "no certificate with serial 0x99"));
        server.on("POST /ca/rest/agent/certs/0x1f2e/unrevoke", Reply.error(409, "conflict", "certificate 0x1f2e is not on hold"));
        CliRun.Result twice = CliRun.run(agent("cert", "revoke", "0x1f2e", "--reason", "superseded"));
        assertThat(twice.exitCode()).isEqualTo(1);
        assertThat(twice.err()).isEqualTo("brevet: certificate 0x1f2e is already revoked (superseded) since 2026-11-23T20:00:00Z [already_revoked]\n");
        assertThat(CliRun.run(agent("cert", "revoke", "0x99", "--reason", "superseded")).err()).contains("no certificate with serial 0x99");
        assertThat(CliRun.run(agent("cert", "release-hold", "0x1f2e")).err()).contains("not on hold");
    }

    @Test
    void badReasonOrDate_isAUsageError_andNothingIsSent() {
        CliRun.Result reason = CliRun.run(agent("cert", "revoke", "0x1f2e", "--reason", "lost-it"));
        assertThat(reason.exitCode()).isEqualTo(2);
        assertThat(reason.err()).startsWith("brevet: unknown revocation reason 'lost-it'");
        CliRun.Result date = CliRun.run(agent("cert", "revoke", "0x1f2e", "--reason", "1", "--invalidity-date", "yesterday"));
        assertThat(date.exitCode()).isEqualTo(2);
        assertThat(date.err()).contains("--invalidity-date: 'yesterday' is neither");
        assertThat(CliRun.run(agent("cert", "revoke", "0x1f2e")).exitCode()).isEqualTo(2);
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void crlUpdate_printsTheNewCrl() {
        server.on("POST /ca/rest/agent/crls/MasterCRL/update", Reply.json(200, "{\"issuingPoint\":\"MasterCRL\",\"kind\":\"FULL\","
                + "\"number\":\"7\",\"thisUpdate\":\"2026-11-23T21:00:00Z\",\"nextUpdate\":\"2026-11-24T01:00:00Z\",\"entries\":3,\"length\":420}"));
        CliRun.Result r = CliRun.run(agent("crl", "update", "--wait"));
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("CRL number:", "7", "Entries:", "3");
    }

    @Test
    void crlFetch_savesDerOrPem_afterCheckingItIsACrl() throws Exception {
        Crl crl = sampleCrl();
        server.on("GET /crl/MasterCRL.pem", new Reply(200, "application/x-pem-file", crl.toPem()));
        server.on("GET /crl/MasterCRL-delta.pem", new Reply(200, "application/x-pem-file", "not a CRL"));
        CliRun.Result r = CliRun.run(anonymous("crl", "fetch", "--out", work.resolve("crl.der").toString()));
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(Files.readAllBytes(work.resolve("crl.der"))).isEqualTo(crl.toDer().bytes());
        assertThat(r.out()).contains("CRL number:", "42");
        assertThat(CliRun.run(anonymous("crl", "fetch", "--pem", "--out", work.resolve("crl.pem").toString())).exitCode()).isZero();
        assertThat(Files.readString(work.resolve("crl.pem"))).isEqualTo(crl.toPem());

        CliRun.Result bad = CliRun.run(anonymous("crl", "fetch", "--delta", "--out", work.resolve("d.der").toString()));
        assertThat(bad.exitCode()).isNotZero();
        assertThat(bad.err()).startsWith("brevet: ");
        assertThat(work.resolve("d.der")).doesNotExist();
    }

    private static Crl sampleCrl() {
        SecureRandom random = new SecureRandom();
        KeyPair keys = KeySpec.EC_P256.generate(random);
        Signer signer = Signer.of(keys.getPrivate(), keys.getPublic());
        Instant now = Instant.parse("2026-11-23T21:00:00Z");
        Certificate ca = new CertificateBuilder().serial(SerialNumber.random(random)).issuer(DistinguishedName.parse("CN=CRL CA"))
                .subject(DistinguishedName.parse("CN=CRL CA")).validity(now, now.plusSeconds(86400)).publicKey(keys.getPublic())
                .basicConstraints(true, OptionalInt.empty(), true).keyUsage(EnumSet.of(KeyUsage.KEY_CERT_SIGN, KeyUsage.CRL_SIGN))
                .subjectKeyIdentifier().build(signer);
        return new CrlBuilder().issuer(ca).thisUpdate(now).nextUpdate(now.plusSeconds(3600)).crlNumber(BigInteger.valueOf(42))
                .add(RevokedEntry.of(SerialNumber.parse("0x1f2e"), now, RevocationReason.KEY_COMPROMISE)).build(signer);
    }
}
