package org.brevet.ca.ocsp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.brevet.ca.api.OcspAnswer;
import org.brevet.ca.api.CertificateRecord;
import org.brevet.ca.api.RevocationRecord;
import org.brevet.ca.api.store.RevocationRepository;
import org.brevet.ca.testing.Harness;
import org.brevet.ca.testing.RevocationFixture;
import org.brevet.ca.testing.TestCa;
import org.brevet.pki.BrevetException;
import org.brevet.pki.Certificate;
import org.brevet.pki.Der;
import org.brevet.pki.DistinguishedName;
import org.brevet.pki.ErrorKind;
import org.brevet.pki.KeySpec;
import org.brevet.pki.RevocationReason;
import org.brevet.pki.SerialNumber;
import org.brevet.pki.Signer;
import org.brevet.protocol.ocsp.CertId;
import org.brevet.protocol.ocsp.CertStatus;
import org.brevet.protocol.ocsp.OcspRequest;
import org.brevet.protocol.ocsp.OcspResponse;
import org.brevet.protocol.ocsp.OcspResponseStatus;
import org.brevet.testkit.Openssl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OcspResponderTest {
    @TempDir
    Path dir;

    private final RevocationFixture f = new RevocationFixture();
    private final CertificateRecord cert = f.issue("CN=www.example.com");

    /**
     * openssl checks thisUpdate/nextUpdate against the real clock; the responses are signed at the harness's
     * fixed time. The tolerance covers that distance (plus a minute), so the check means the same on any day.
     */
    private String skew() {
        return Long.toString(Math.abs(Duration.between(f.h.clock.instant(), java.time.Instant.now()).getSeconds()) + 60);
    }

    private OcspResponderService responder(OcspConfig config) {
        return new OcspResponderService(f.h.ca.certificate(), OcspSigning.caKey(f.h.ca), f.revocations, config, f.h.clock);
    }

    private static byte[] request(SerialNumber serial, Certificate issuer, boolean nonce) {
        return new OcspRequest(List.of(CertId.of(issuer, serial, CertId.SHA1)),
                nonce ? Optional.of(Der.of(new byte[] {0x04, 0x04, 1, 2, 3, 4})) : Optional.empty()).encode().bytes();
    }

    private static CertStatus statusOf(Der response) {
        return OcspResponse.parse(response.bytes()).responses().get(0).status();
    }

    private String write(String name, String pem) throws IOException {
        Files.writeString(dir.resolve(name), pem);
        return name;
    }

    @Test
    void openssl_seesGood_thenRevokedWithTheReason() throws IOException {
        OcspResponderService responder = responder(OcspConfig.defaults());
        Openssl openssl = new Openssl(dir);
        write("ca.pem", f.h.ca.certificate().toPem());
        write("c.pem", Certificate.fromDer(cert.der()).toPem());
        openssl.ok("ocsp", "-issuer", "ca.pem", "-cert", "c.pem", "-reqout", "req.der");

        Files.write(dir.resolve("resp.der"), responder.respond(Files.readAllBytes(dir.resolve("req.der"))).bytes());
        assertThat(openssl.ok("ocsp", "-respin", "resp.der", "-reqin", "req.der", "-CAfile", "ca.pem", "-verify_other", "ca.pem",
                "-validity_period", skew(), "-resp_text").output())
                .contains("Response verify OK", "Cert Status: good").doesNotContain("Nonce Verify error").doesNotContain("WARNING");

        f.h.clock.advance(Duration.ofMinutes(3));
        f.revoke(cert, RevocationReason.KEY_COMPROMISE);
        Files.write(dir.resolve("resp.der"), responder.respond(Files.readAllBytes(dir.resolve("req.der"))).bytes());
        assertThat(openssl.ok("ocsp", "-respin", "resp.der", "-issuer", "ca.pem", "-cert", "c.pem", "-CAfile", "ca.pem",
                "-no_nonce", "-validity_period", skew(), "-resp_text").output())
                .contains("Response verify OK", "c.pem: revoked", "Reason: keyCompromise");
    }

    @Test
    void unknownSerial_isUnknown_notGood() {
        Der response = responder(OcspConfig.defaults()).respond(request(SerialNumber.parse("0x1234567"), f.h.ca.certificate(), false));
        assertThat(statusOf(response)).isEqualTo(CertStatus.UNKNOWN);
    }

    @Test
    void anotherIssuer_isUnauthorized() {
        Certificate otherCa = TestCa.identity().certificate();
        Der response = responder(OcspConfig.defaults()).respond(request(cert.serial(), otherCa, false));
        assertThat(OcspResponse.parse(response.bytes()).status()).isEqualTo(OcspResponseStatus.UNAUTHORIZED);
    }

    @Test
    void garbage_isMalformedRequest() {
        OcspResponderService responder = responder(OcspConfig.defaults());
        for (byte[] bad : List.of(new byte[0], "GET / HTTP/1.1".getBytes(), new byte[] {0x30, (byte) 0x80})) {
            assertThat(OcspResponse.parse(responder.respond(bad).bytes()).status()).isEqualTo(OcspResponseStatus.MALFORMED_REQUEST);
        }
    }

    @Test
    void nonce_isEchoed_orIgnoredWhenConfigured() {
        byte[] req = request(cert.serial(), f.h.ca.certificate(), true);
        OcspResponse echoed = OcspResponse.parse(responder(OcspConfig.defaults()).respond(req).bytes());
        assertThat(echoed.nonce()).contains(Der.of(new byte[] {0x04, 0x04, 1, 2, 3, 4}));
        OcspResponse ignored = OcspResponse.parse(responder(OcspConfig.defaults().withNonces(false)).respond(req).bytes());
        assertThat(ignored.nonce()).isEmpty();
        assertThat(ignored.responses().get(0).status()).isEqualTo(CertStatus.GOOD);
    }

    @Test
    void cacheableAnswers_sayHowLongTheResponderServesThem_andNonceAnswersAreNotCacheable() {
        OcspResponderService responder = responder(OcspConfig.defaults().withValidity(Duration.ofHours(2)));
        Instant signedAt = f.h.clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        OcspAnswer first = responder.answer(request(cert.serial(), f.h.ca.certificate(), false));
        assertThat(first.freshness()).contains(new OcspAnswer.Freshness(signedAt, signedAt.plus(Duration.ofHours(1))));
        f.h.clock.advance(Duration.ofMinutes(10));
        assertThat(responder.answer(request(cert.serial(), f.h.ca.certificate(), false)).freshness())
                .as("the pre-signed response keeps its own times").isEqualTo(first.freshness());
        assertThat(responder.answer(request(cert.serial(), f.h.ca.certificate(), true)).freshness()).isEmpty();
        assertThat(responder.answer(new byte[] {1, 2, 3}).freshness()).isEmpty();
    }

    @Test
    void nonceLessRequests_areServedFromTheCache_untilTheStatusChanges() {
        OcspResponderService responder = responder(OcspConfig.defaults());
        byte[] req = request(cert.serial(), f.h.ca.certificate(), false);
        Der first = responder.respond(req);
        f.h.clock.advance(Duration.ofMinutes(1));
        assertThat(responder.respond(req)).isEqualTo(first);
        assertThat(responder.cachedResponses()).isEqualTo(1);

        f.revoke(cert, RevocationReason.CERTIFICATE_HOLD);
        Der held = responder.respond(req);
        assertThat(statusOf(held)).isEqualTo(CertStatus.revoked(f.h.clock.instant(), RevocationReason.CERTIFICATE_HOLD));

        f.service.releaseHold(Harness.AGENT, cert.serial(), Optional.empty());
        assertThat(statusOf(responder.respond(req))).isEqualTo(CertStatus.GOOD);
    }

    @Test
    void twoNodesSharingTheDatabase_agreeAtOnceAfterARevocation() {
        OcspResponderService nodeA = responder(OcspConfig.defaults());
        OcspResponderService nodeB = responder(OcspConfig.defaults());
        byte[] req = request(cert.serial(), f.h.ca.certificate(), false);
        assertThat(statusOf(nodeA.respond(req))).isEqualTo(CertStatus.GOOD);
        assertThat(statusOf(nodeB.respond(req))).isEqualTo(CertStatus.GOOD);

        f.revoke(cert, RevocationReason.SUPERSEDED); // committed through "node B"'s revocation service
        assertThat(statusOf(nodeA.respond(req))).isInstanceOf(CertStatus.Revoked.class);
        assertThat(statusOf(nodeB.respond(req))).isInstanceOf(CertStatus.Revoked.class);
    }

    @Test
    void cachedResponses_neverCarryANextUpdateInThePast() {
        OcspResponderService responder = responder(OcspConfig.defaults().withValidity(Duration.ofHours(2)));
        byte[] req = request(cert.serial(), f.h.ca.certificate(), false);
        for (int i = 0; i < 12; i++) {
            OcspResponse r = OcspResponse.parse(responder.respond(req).bytes());
            Instant now = f.h.clock.instant();
            assertThat(r.responses().get(0).thisUpdate()).isBeforeOrEqualTo(now);
            assertThat(r.responses().get(0).nextUpdate()).isAfter(now.plus(Duration.ofMinutes(59)));
            f.h.clock.advance(Duration.ofMinutes(25));
        }
    }

    @Test
    void delegatedResponder_signsWithOcspSigningCert_andIncludesIt() throws IOException {
        KeyPair keys = TestCa.keys(KeySpec.EC_P256);
        Certificate ocspCert = Certificate.fromDer(f.h.authority.issueSystemCertificate("caOCSPCert",
                DistinguishedName.parse("CN=OCSP Subsystem,O=EXAMPLE.COM"), keys.getPublic(), List.of()).der());
        OcspSigning signing = OcspSigning.delegated(f.h.ca, Signer.of(keys.getPrivate(), keys.getPublic()), ocspCert);
        OcspResponderService responder = new OcspResponderService(f.h.ca.certificate(), signing, f.revocations,
                OcspConfig.defaults(), f.h.clock);
        Der response = responder.respond(request(cert.serial(), f.h.ca.certificate(), false));
        OcspResponse parsed = OcspResponse.parse(response.bytes());
        assertThat(parsed.verifiedBy(ocspCert.publicKey())).isTrue();
        assertThat(parsed.certificates()).containsExactly(ocspCert);

        write("ca.pem", f.h.ca.certificate().toPem());
        write("c.pem", Certificate.fromDer(cert.der()).toPem());
        Files.write(dir.resolve("resp.der"), response.bytes());
        String at = String.valueOf(f.h.clock.instant().plusSeconds(60).getEpochSecond());
        assertThat(new Openssl(dir).ok("ocsp", "-respin", "resp.der", "-issuer", "ca.pem", "-cert", "c.pem",
                "-CAfile", "ca.pem", "-no_nonce", "-attime", at, "-validity_period", skew()).output())
                .contains("Response verify OK", "c.pem: good");
    }

    @Test
    void databaseDown_isTryLater() {
        OcspResponderService responder = new OcspResponderService(f.h.ca.certificate(), OcspSigning.caKey(f.h.ca),
                new Unreachable(), OcspConfig.defaults(), f.h.clock);
        assertThat(OcspResponse.parse(responder.respond(request(cert.serial(), f.h.ca.certificate(), false)).bytes()).status())
                .isEqualTo(OcspResponseStatus.TRY_LATER);
    }

    private static final class Unreachable implements RevocationRepository {
        private static BrevetException down() {
            return new BrevetException(ErrorKind.UNAVAILABLE, "database unreachable (test)");
        }

        @Override
        public void revoke(RevocationRecord revocation) {
            throw down();
        }

        @Override
        public Optional<RevocationRecord> release(SerialNumber serial, Instant releasedAt) {
            throw down();
        }

        @Override
        public Optional<RevocationRecord> find(SerialNumber serial) {
            throw down();
        }

        @Override
        public SerialState state(SerialNumber serial) {
            throw down();
        }

        @Override
        public void forEachRevoked(Instant expiredBefore, Consumer<RevocationRecord> sink) {
            throw down();
        }

        @Override
        public void forEachChangeSince(Instant since, Instant expiredBefore, Consumer<RevocationRecord> sink) {
            throw down();
        }
    }
}
