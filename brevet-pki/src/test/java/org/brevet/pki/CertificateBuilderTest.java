package org.brevet.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CertificateBuilderTest {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    @TempDir
    Path dir;

    static Certificate selfSignedCa(KeyPair ca, String subject) {
        DistinguishedName dn = DistinguishedName.parse(subject);
        return new CertificateBuilder()
                .serial(SerialNumber.random(RANDOM))
                .issuer(dn).subject(dn)
                .validity(NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(3650)))
                .publicKey(ca.getPublic())
                .basicConstraints(true, OptionalInt.empty(), true)
                .keyUsage(EnumSet.of(KeyUsage.KEY_CERT_SIGN, KeyUsage.CRL_SIGN, KeyUsage.DIGITAL_SIGNATURE))
                .subjectKeyIdentifier()
                .authorityKeyIdentifier(ca.getPublic())
                .build(Signer.of(ca.getPrivate(), ca.getPublic()));
    }

    static Certificate serverCert(Certificate ca, KeyPair caKeys, KeyPair leaf) {
        return new CertificateBuilder()
                .serial(SerialNumber.random(RANDOM))
                .issuer(ca)
                .subject(DistinguishedName.parse("CN=server.example.com,O=EXAMPLE.COM"))
                .validity(NOW, NOW.plus(Duration.ofDays(398)))
                .publicKey(leaf.getPublic())
                .basicConstraints(false, OptionalInt.empty(), true)
                .keyUsage(EnumSet.of(KeyUsage.DIGITAL_SIGNATURE, KeyUsage.KEY_ENCIPHERMENT))
                .extendedKeyUsage(List.of(ExtendedKeyUsage.SERVER_AUTH, ExtendedKeyUsage.CLIENT_AUTH))
                .subjectKeyIdentifier()
                .subjectAltNames(List.of(SubjectAltName.dns("server.example.com"), SubjectAltName.ip("127.0.0.1"),
                        SubjectAltName.ip("::1")))
                .ocspUrl("http://ca.example.com:8080/ca/ocsp")
                .caIssuersUrl("http://ca.example.com:8080/ca/ee/ca/getCACert")
                .crlDistributionPoint("http://ca.example.com:8080/ca/ee/ca/getCRL")
                .build(Signer.of(caKeys.getPrivate(), caKeys.getPublic()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"rsa:2048", "ec:p256", "ec:p384", "ec:p521"})
    void build_chain_verifiesWithOpensslAndShowsExtensions(String caSpec) throws Exception {
        KeyPair caKeys = KeySpec.parse(caSpec).generate(RANDOM);
        KeyPair leafKeys = KeySpec.EC_P256.generate(RANDOM);
        Certificate ca = selfSignedCa(caKeys, "CN=Certificate Authority,O=EXAMPLE.COM");
        Certificate leaf = serverCert(ca, caKeys, leafKeys);
        Files.writeString(dir.resolve("ca.pem"), ca.toPem());
        Files.writeString(dir.resolve("leaf.pem"), leaf.toPem());

        OpensslProcess.Result verify = OpensslProcess.run(dir, "verify", "-attime", String.valueOf(NOW.getEpochSecond() + 60),
                "-x509_strict", "-purpose", "sslserver", "-CAfile", "ca.pem", "leaf.pem");
        assertThat(verify.exitCode()).as(verify.stderr()).isZero();
        assertThat(verify.stdout()).contains("leaf.pem: OK");

        String text = OpensslProcess.run(dir, "x509", "-in", "leaf.pem", "-noout", "-text").assertOk().stdout();
        assertThat(text)
                .contains("Issuer: O = EXAMPLE.COM, CN = Certificate Authority")
                .contains("Subject: O = EXAMPLE.COM, CN = server.example.com")
                .contains("X509v3 Basic Constraints: critical", "CA:FALSE")
                .contains("X509v3 Key Usage: critical", "Digital Signature, Key Encipherment")
                .contains("TLS Web Server Authentication, TLS Web Client Authentication")
                .contains("DNS:server.example.com, IP Address:127.0.0.1, IP Address:0:0:0:0:0:0:0:1")
                .contains("OCSP - URI:http://ca.example.com:8080/ca/ocsp")
                .contains("CA Issuers - URI:http://ca.example.com:8080/ca/ee/ca/getCACert")
                .contains("URI:http://ca.example.com:8080/ca/ee/ca/getCRL")
                .contains("X509v3 Subject Key Identifier", "X509v3 Authority Key Identifier");
    }

    @Test
    void build_thenParse_gettersReturnWhatWasSet() {
        KeyPair caKeys = KeySpec.EC_P256.generate(RANDOM);
        KeyPair leafKeys = KeySpec.RSA_2048.generate(RANDOM);
        Certificate ca = selfSignedCa(caKeys, "CN=Root,O=EXAMPLE.COM");
        Certificate leaf = serverCert(ca, caKeys, leafKeys);
        Certificate parsed = Certificate.parse(leaf.toPem());

        assertThat(parsed).isEqualTo(leaf);
        assertThat(parsed.issuer()).isEqualTo(ca.subject());
        assertThat(parsed.toBc().getIssuer()).isEqualTo(ca.toBc().getSubject());
        assertThat(parsed.subject().toString()).isEqualTo("CN=server.example.com,O=EXAMPLE.COM");
        assertThat(parsed.notBefore()).isEqualTo(NOW);
        assertThat(parsed.notAfter()).isEqualTo(NOW.plus(Duration.ofDays(398)));
        assertThat(parsed.publicKey()).isEqualTo(leafKeys.getPublic());
        assertThat(parsed.keySpec()).isEqualTo(KeySpec.RSA_2048);
        assertThat(parsed.isCa()).isFalse();
        assertThat(ca.isCa()).isTrue();
        assertThat(ca.pathLength()).isEmpty();
        assertThat(ca.isSelfIssued()).isTrue();
        assertThat(parsed.keyUsage()).containsExactlyInAnyOrder(KeyUsage.DIGITAL_SIGNATURE, KeyUsage.KEY_ENCIPHERMENT);
        assertThat(parsed.extendedKeyUsages()).containsExactly(ExtendedKeyUsage.SERVER_AUTH, ExtendedKeyUsage.CLIENT_AUTH);
        assertThat(parsed.subjectAltNames()).containsExactly(SubjectAltName.dns("server.example.com"),
                SubjectAltName.ip("127.0.0.1"), SubjectAltName.ip("::1"));
        assertThat(parsed.subjectKeyIdentifier()).contains(PublicKeys.keyIdentifier(leafKeys.getPublic()));
        assertThat(parsed.authorityKeyIdentifier()).isEqualTo(ca.subjectKeyIdentifier());
        assertThat(parsed.ocspUrls()).containsExactly("http://ca.example.com:8080/ca/ocsp");
        assertThat(parsed.caIssuersUrls()).containsExactly("http://ca.example.com:8080/ca/ee/ca/getCACert");
        assertThat(parsed.crlDistributionPointUrls()).containsExactly("http://ca.example.com:8080/ca/ee/ca/getCRL");
        assertThat(ca.ocspUrls()).isEmpty();
        assertThat(parsed.verifiedBy(caKeys.getPublic())).isTrue();
        assertThat(parsed.verifiedBy(leafKeys.getPublic())).isFalse();
        assertThat(parsed.toX509().getSubjectX500Principal()).isEqualTo(parsed.subject().toX500Principal());
        assertThat(Certificate.of(parsed.toX509())).isEqualTo(parsed);
    }

    @Test
    void build_caWithPathLenAndOcspNoCheckAndCopiedExtension_encodesThem() throws Exception {
        KeyPair keys = KeySpec.EC_P256.generate(RANDOM);
        RawExtension netscapeComment = new RawExtension("2.16.840.1.113730.1.13", false,
                Der.of(new org.bouncycastle.asn1.DERIA5String("copied from CSR").getEncoded()));
        DistinguishedName dn = DistinguishedName.parse("CN=Sub CA");
        Certificate cert = new CertificateBuilder().serial(new SerialNumber(java.math.BigInteger.TEN))
                .issuer(dn).subject(dn).validity(NOW, NOW.plusSeconds(3600)).publicKey(keys.getPublic())
                .basicConstraints(true, OptionalInt.of(0), true).ocspNoCheck().extension(netscapeComment)
                .build(Signer.of(keys.getPrivate(), keys.getPublic()));
        assertThat(cert.pathLength()).hasValue(0);
        assertThat(cert.extension("2.16.840.1.113730.1.13")).contains(netscapeComment);
        assertThat(cert.extension("1.3.6.1.5.5.7.48.1.5")).isPresent();
        assertThat(cert.serial().value()).isEqualTo(10);
        Files.writeString(dir.resolve("c.pem"), cert.toPem());
        String text = OpensslProcess.run(dir, "x509", "-in", "c.pem", "-noout", "-text").assertOk().stdout();
        assertThat(text).contains("CA:TRUE, pathlen:0").contains("OCSP No Check").contains("copied from CSR");
    }

    @Test
    void build_missingIssuer_failsClearly() {
        KeyPair keys = KeySpec.EC_P256.generate(RANDOM);
        CertificateBuilder b = new CertificateBuilder().serial(SerialNumber.random(RANDOM))
                .validity(NOW, NOW.plusSeconds(1)).publicKey(keys.getPublic());
        assertThatThrownBy(() -> b.build(Signer.of(keys.getPrivate(), keys.getPublic())))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("issuer");
    }

    @Test
    void build_notAfterBeforeNotBefore_isMalformed() {
        KeyPair keys = KeySpec.EC_P256.generate(RANDOM);
        CertificateBuilder b = new CertificateBuilder().serial(SerialNumber.random(RANDOM)).issuer(DistinguishedName.parse("CN=x"))
                .validity(NOW, NOW.minusSeconds(1)).publicKey(keys.getPublic());
        assertThatThrownBy(() -> b.build(Signer.of(keys.getPrivate(), keys.getPublic())))
                .isInstanceOfSatisfying(BrevetException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.MALFORMED));
    }

    @Test
    void build_validityAfter2049_usesGeneralizedTimeAndRoundTrips() {
        KeyPair keys = KeySpec.EC_P256.generate(RANDOM);
        Instant far = Instant.parse("2060-06-01T12:00:00Z");
        DistinguishedName dn = DistinguishedName.parse("CN=long");
        Certificate cert = new CertificateBuilder().serial(SerialNumber.random(RANDOM)).issuer(dn).subject(dn)
                .validity(NOW, far).publicKey(keys.getPublic()).build(Signer.of(keys.getPrivate(), keys.getPublic()));
        assertThat(cert.notAfter()).isEqualTo(far);
        assertThat(cert.toX509().getNotAfter().toInstant()).isEqualTo(far);
    }
}
