package org.brevet.protocol.ocsp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.brevet.pki.BrevetException;
import org.brevet.pki.Certificate;
import org.brevet.pki.CertificateBuilder;
import org.brevet.pki.Der;
import org.brevet.pki.DistinguishedName;
import org.brevet.pki.ErrorKind;
import org.brevet.pki.ExtendedKeyUsage;
import org.brevet.pki.KeySpec;
import org.brevet.pki.KeyUsage;
import org.brevet.pki.RevocationReason;
import org.brevet.pki.SerialNumber;
import org.brevet.pki.Signer;
import org.brevet.testkit.Openssl;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The codec against openssl ocsp: requests it writes parse, responses we sign it verifies and reads. */
class OcspCodecInteropTest {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private static Signer caSigner;
    private static Certificate ca;
    private static Certificate leaf;
    private static Signer responderSigner;
    private static Certificate responder;

    @TempDir
    Path dir;

    @BeforeAll
    static void pki() {
        KeyPair caKeys = KeySpec.EC_P256.generate(RANDOM);
        caSigner = Signer.of(caKeys.getPrivate(), caKeys.getPublic());
        DistinguishedName caName = DistinguishedName.parse("CN=OCSP Test CA,O=EXAMPLE");
        ca = new CertificateBuilder().serial(SerialNumber.random(RANDOM)).issuer(caName).subject(caName)
                .validity(NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(365))).publicKey(caKeys.getPublic())
                .basicConstraints(true, OptionalInt.empty(), true)
                .keyUsage(EnumSet.of(KeyUsage.KEY_CERT_SIGN, KeyUsage.CRL_SIGN)).subjectKeyIdentifier().build(caSigner);
        KeyPair leafKeys = KeySpec.EC_P256.generate(RANDOM);
        leaf = new CertificateBuilder().serial(SerialNumber.random(RANDOM)).issuer(ca)
                .subject(DistinguishedName.parse("CN=www.example.com")).validity(NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(30)))
                .publicKey(leafKeys.getPublic()).build(caSigner);
        KeyPair ocspKeys = KeySpec.EC_P256.generate(RANDOM);
        responderSigner = Signer.of(ocspKeys.getPrivate(), ocspKeys.getPublic());
        responder = new CertificateBuilder().serial(SerialNumber.random(RANDOM)).issuer(ca)
                .subject(DistinguishedName.parse("CN=OCSP Signer")).validity(NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(30)))
                .publicKey(ocspKeys.getPublic()).extendedKeyUsage(List.of(ExtendedKeyUsage.OCSP_SIGNING)).ocspNoCheck()
                .build(caSigner);
    }

    private Openssl openssl() throws IOException {
        Files.writeString(dir.resolve("ca.pem"), ca.toPem());
        Files.writeString(dir.resolve("leaf.pem"), leaf.toPem());
        return new Openssl(dir);
    }

    @Test
    void opensslRequestWithNonce_parses() throws IOException {
        openssl().ok("ocsp", "-issuer", "ca.pem", "-cert", "leaf.pem", "-reqout", "req.der");
        OcspRequest request = OcspRequest.parse(Files.readAllBytes(dir.resolve("req.der")));
        assertThat(request.certIds()).singleElement().satisfies(id -> {
            assertThat(id.issuedBy(ca)).isTrue();
            assertThat(id.issuedBy(leaf)).isFalse();
            assertThat(id.serialNumber()).contains(leaf.serial());
            assertThat(id).isEqualTo(CertId.of(ca, leaf.serial(), CertId.SHA1));
        });
        assertThat(request.nonce()).isPresent();
        assertThat(OcspRequest.parse(request.encode().bytes())).isEqualTo(request);
    }

    @Test
    void opensslSha256RequestWithoutNonce_parses() throws IOException {
        openssl().ok("ocsp", "-issuer", "ca.pem", "-sha256", "-cert", "leaf.pem", "-no_nonce", "-reqout", "req.der");
        OcspRequest request = OcspRequest.parse(Files.readAllBytes(dir.resolve("req.der")));
        assertThat(request.nonce()).isEmpty();
        assertThat(request.certIds().get(0).hashAlgorithm()).isEqualTo(CertId.SHA256);
        assertThat(request.certIds().get(0).issuedBy(ca)).isTrue();
    }

    @Test
    void garbage_isMalformed() {
        for (byte[] bad : List.of(new byte[0], "hello".getBytes(), new byte[] {0x30, 0x03, 0x02, 0x01}, new byte[20_000])) {
            assertThatThrownBy(() -> OcspRequest.parse(bad))
                    .isInstanceOfSatisfying(BrevetException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.MALFORMED));
        }
        Der valid = new OcspRequest(List.of(CertId.of(ca, leaf.serial(), CertId.SHA1)), Optional.empty()).encode();
        byte[] trailing = java.util.Arrays.copyOf(valid.bytes(), valid.length() + 2);
        assertThatThrownBy(() -> OcspRequest.parse(trailing)).isInstanceOf(BrevetException.class);
    }

    @Test
    void revokedResponse_signedByADelegatedResponder_verifiesInOpenssl() throws IOException {
        Openssl openssl = openssl();
        openssl.ok("ocsp", "-issuer", "ca.pem", "-cert", "leaf.pem", "-reqout", "req.der");
        OcspRequest request = OcspRequest.parse(Files.readAllBytes(dir.resolve("req.der")));
        Instant revoked = NOW.minusSeconds(3600);
        Der response = OcspResponses.basic(List.of(new SingleResponse(request.certIds().get(0),
                CertStatus.revoked(revoked, RevocationReason.KEY_COMPROMISE), NOW, NOW.plus(Duration.ofHours(4)))),
                request.nonce(), NOW, responderSigner, responder, List.of(responder));
        Files.write(dir.resolve("resp.der"), response.bytes());

        // -reqin makes openssl compare the nonce of the request it sent with the response's
        String out = openssl.ok("ocsp", "-respin", "resp.der", "-reqin", "req.der", "-CAfile", "ca.pem", "-resp_text").output();
        assertThat(out).contains("Response verify OK", "Cert Status: revoked", "Revocation Reason: keyCompromise (0x1)", "OCSP Nonce");
        assertThat(out).doesNotContain("WARNING").doesNotContain("Nonce Verify error");
        assertThat(openssl.ok("ocsp", "-respin", "resp.der", "-issuer", "ca.pem", "-cert", "leaf.pem", "-CAfile", "ca.pem",
                "-no_nonce").output()).contains("leaf.pem: revoked", "Reason: keyCompromise");

        OcspResponse parsed = OcspResponse.parse(response.bytes());
        assertThat(parsed.verifiedBy(responder.publicKey())).isTrue();
        assertThat(parsed.nonce()).isEqualTo(request.nonce());
        assertThat(parsed.certificates()).containsExactly(responder);
        assertThat(parsed.responses()).singleElement().satisfies(r ->
                assertThat(r.status()).isEqualTo(CertStatus.revoked(revoked, RevocationReason.KEY_COMPROMISE)));
    }

    @Test
    void goodAndUnknown_signedByTheCaKey_verifyInOpenssl() throws IOException {
        Openssl openssl = openssl();
        SerialNumber other = SerialNumber.random(RANDOM);
        Der response = OcspResponses.basic(List.of(
                new SingleResponse(CertId.of(ca, leaf.serial(), CertId.SHA1), CertStatus.GOOD, NOW, NOW.plus(Duration.ofHours(1))),
                new SingleResponse(CertId.of(ca, other, CertId.SHA1), CertStatus.UNKNOWN, NOW, NOW.plus(Duration.ofHours(1)))),
                Optional.empty(), NOW, caSigner, ca, List.of());
        Files.write(dir.resolve("resp.der"), response.bytes());
        String out = openssl.ok("ocsp", "-respin", "resp.der", "-issuer", "ca.pem", "-cert", "leaf.pem",
                "-serial", other.toString(), "-CAfile", "ca.pem", "-no_nonce").output();
        assertThat(out).contains("Response verify OK", "leaf.pem: good", other + ": unknown");
    }

    @Test
    void errorResponse_isReadByOpenssl() throws IOException {
        Files.write(dir.resolve("err.der"), OcspResponses.error(OcspResponseStatus.UNAUTHORIZED).bytes());
        assertThat(openssl().run("ocsp", "-respin", "err.der", "-resp_text", "-noverify").output()).contains("unauthorized (6)");
        assertThat(OcspResponse.parse(OcspResponses.error(OcspResponseStatus.MALFORMED_REQUEST).bytes()).status())
                .isEqualTo(OcspResponseStatus.MALFORMED_REQUEST);
    }
}
