package org.brevet.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CsrTest {
    private static final SecureRandom RANDOM = new SecureRandom();

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"rsa:2048", "ec:p256", "ec:p384", "ec:p521"})
    void build_thenParse_roundTripsEveryField(String spec) {
        KeyPair kp = KeySpec.parse(spec).generate(RANDOM);
        Csr csr = new CsrBuilder()
                .subject(DistinguishedName.parse("CN=host.example.com,O=EXAMPLE.COM"))
                .addSubjectAltName(SubjectAltName.dns("host.example.com"))
                .addSubjectAltName(SubjectAltName.ip("192.0.2.7"))
                .keyUsage(EnumSet.of(KeyUsage.DIGITAL_SIGNATURE, KeyUsage.KEY_ENCIPHERMENT))
                .extendedKeyUsage(List.of("serverAuth"))
                .requestSubjectKeyIdentifier()
                .challengePassword(Secret.of("s3cret"))
                .build(kp);

        Csr parsed = Csr.parse(csr.toPem().getBytes(StandardCharsets.US_ASCII));
        parsed.verifySignature();
        assertThat(parsed).isEqualTo(csr);
        assertThat(parsed.subject().toString()).isEqualTo("CN=host.example.com,O=EXAMPLE.COM");
        assertThat(parsed.publicKey()).isEqualTo(kp.getPublic());
        assertThat(parsed.keySpec()).isEqualTo(KeySpec.parse(spec));
        assertThat(parsed.subjectAltNames()).containsExactly(SubjectAltName.dns("host.example.com"), SubjectAltName.ip("192.0.2.7"));
        assertThat(parsed.requestedKeyUsage()).containsExactlyInAnyOrder(KeyUsage.DIGITAL_SIGNATURE, KeyUsage.KEY_ENCIPHERMENT);
        assertThat(parsed.requestedExtendedKeyUsages()).containsExactly(ExtendedKeyUsage.SERVER_AUTH);
        assertThat(parsed.requestedSubjectKeyIdentifier()).contains(PublicKeys.keyIdentifier(kp.getPublic()));
        assertThat(parsed.subjectKeyIdentifier()).isEqualTo(PublicKeys.keyIdentifier(kp.getPublic()));
        assertThat(parsed.requestedExtensions()).extracting(RawExtension::oid)
                .containsExactly("2.5.29.17", "2.5.29.14", "2.5.29.15", "2.5.29.37");
        assertThat(parsed.challengePassword()).contains(Secret.of("s3cret"));
        assertThat(Csr.parse(csr.toDer().bytes())).isEqualTo(csr);
    }

    @Test
    void build_signatureAlgorithm_followsTheKey() {
        assertThat(csrFor(KeySpec.RSA_2048).signatureAlgorithmOid()).isEqualTo("1.2.840.113549.1.1.11");
        assertThat(csrFor(KeySpec.EC_P256).signatureAlgorithmOid()).isEqualTo("1.2.840.10045.4.3.2");
        assertThat(csrFor(KeySpec.EC_P384).signatureAlgorithmOid()).isEqualTo("1.2.840.10045.4.3.3");
        assertThat(csrFor(KeySpec.EC_P521).signatureAlgorithmOid()).isEqualTo("1.2.840.10045.4.3.4");
    }

    @Test
    void build_withoutSubject_marksSanCritical() {
        Csr csr = new CsrBuilder().addSubjectAltName(SubjectAltName.dns("a.example")).build(KeySpec.EC_P256.generate(RANDOM));
        assertThat(csr.requestedExtension("2.5.29.17")).hasValueSatisfying(e -> assertThat(e.critical()).isTrue());
        assertThat(csr.subject().isEmpty()).isTrue();
        assertThat(csr.challengePassword()).isEmpty();
    }

    @Test
    void parse_opensslRsaCsr_verifies() throws Exception {
        OpensslProcess.run(dir, "req", "-new", "-newkey", "rsa:2048", "-nodes", "-keyout", "k.pem", "-out", "r.pem",
                "-subj", "/O=EXAMPLE.COM/CN=rsa.example.com",
                "-addext", "subjectAltName=DNS:rsa.example.com,IP:2001:db8::1,email:ops@example.com").assertOk();
        Csr csr = Csr.parse(Files.readAllBytes(dir.resolve("r.pem")));
        csr.verifySignature();
        assertThat(csr.subject()).isEqualTo(DistinguishedName.parse("CN=rsa.example.com,O=EXAMPLE.COM"));
        assertThat(csr.keySpec()).isEqualTo(KeySpec.RSA_2048);
        assertThat(csr.subjectAltNames()).containsExactly(SubjectAltName.dns("rsa.example.com"),
                SubjectAltName.ip("2001:db8::1"), SubjectAltName.email("ops@example.com"));
    }

    @Test
    void parse_opensslEcCsr_verifies() throws Exception {
        OpensslProcess.run(dir, "req", "-new", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-384", "-nodes",
                "-keyout", "k.pem", "-out", "r.der", "-outform", "DER", "-subj", "/CN=ec.example.com").assertOk();
        Csr csr = Csr.parse(Files.readAllBytes(dir.resolve("r.der")));
        csr.verifySignature();
        assertThat(csr.keySpec()).isEqualTo(KeySpec.EC_P384);
        assertThat(csr.subject().commonName()).contains("ec.example.com");
        assertThat(csr.subjectAltNames()).isEmpty();
    }

    @Test
    void parse_opensslCsrWithChallengePassword_readsIt() throws Exception {
        Path cnf = dir.resolve("req.cnf");
        Files.writeString(cnf, "[req]\nprompt=no\ndistinguished_name=dn\nattributes=attrs\n[dn]\nCN=scep\n"
                + "[attrs]\nchallengePassword=otp-1234\n");
        OpensslProcess.run(dir, "req", "-new", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
                "-keyout", "k.pem", "-out", "r.pem", "-config", "req.cnf").assertOk();
        Csr csr = Csr.parse(Files.readAllBytes(dir.resolve("r.pem")));
        csr.verifySignature();
        assertThat(csr.challengePassword().map(Secret::reveal)).contains("otp-1234");
    }

    @Test
    void ourCsr_isAcceptedByOpensslReqVerify() throws Exception {
        Csr csr = new CsrBuilder().subject(DistinguishedName.parse("CN=x,O=y"))
                .addSubjectAltName(SubjectAltName.parse("KRB5PrincipalName:host/x@EXAMPLE.COM"))
                .build(KeySpec.EC_P256.generate(RANDOM));
        Files.writeString(dir.resolve("r.pem"), csr.toPem());
        OpensslProcess.Result r = OpensslProcess.run(dir, "req", "-in", "r.pem", "-verify", "-noout", "-text").assertOk();
        assertThat(r.stderr() + r.stdout()).contains("verify OK").contains("Subject: O = y, CN = x");
    }

    @Test
    void parse_newCertificateRequestLabel_isAccepted() {
        Csr csr = csrFor(KeySpec.EC_P256);
        String pem = Pem.encode("NEW CERTIFICATE REQUEST", csr.toDer());
        assertThat(Csr.parse(pem)).isEqualTo(csr);
        assertThat(Csr.parse(csr.toDer().toBase64())).isEqualTo(csr);
    }

    @ParameterizedTest
    @ValueSource(strings = {"rsa:2048", "ec:p256"})
    void verifySignature_corruptedSignature_isBadSignature(String spec) {
        byte[] der = csrFor(KeySpec.parse(spec)).toDer().bytes();
        der[der.length - 3] ^= 0x01;
        Csr csr = Csr.parse(der);
        assertThat(csr.isSignatureValid()).isFalse();
        assertThatThrownBy(csr::verifySignature)
                .isInstanceOfSatisfying(BrevetException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.BAD_SIGNATURE));
    }

    @Test
    void verifySignature_tamperedSubject_isBadSignature() {
        Csr csr = new CsrBuilder().subject(DistinguishedName.parse("CN=aaaa")).build(KeySpec.EC_P256.generate(RANDOM));
        byte[] der = csr.toDer().bytes();
        String s = new String(der, StandardCharsets.ISO_8859_1).replace("aaaa", "bbbb");
        Csr tampered = Csr.parse(s.getBytes(StandardCharsets.ISO_8859_1));
        assertThat(tampered.subject().commonName()).contains("bbbb");
        assertThatThrownBy(tampered::verifySignature)
                .isInstanceOfSatisfying(BrevetException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.BAD_SIGNATURE));
    }

    @Test
    void parse_truncatedDer_isMalformed() {
        byte[] der = csrFor(KeySpec.EC_P256).toDer().bytes();
        for (int len : new int[] {1, 2, 10, der.length / 2, der.length - 1}) {
            byte[] cut = Arrays.copyOf(der, len);
            assertThatThrownBy(() -> Csr.parse(cut)).as("length %d", len)
                    .isInstanceOfSatisfying(BrevetException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.MALFORMED));
        }
    }

    @Test
    void parse_garbage_isMalformed() {
        for (String garbage : List.of("hello world!", "-----BEGIN CERTIFICATE REQUEST-----\nAAAA\n-----END CERTIFICATE REQUEST-----\n",
                "-----BEGIN CERTIFICATE-----\nMAMCAQE=\n-----END CERTIFICATE-----\n", "", "MAMCAQE=")) {
            assertThatThrownBy(() -> Csr.parse(garbage.getBytes(StandardCharsets.US_ASCII))).as(garbage)
                    .isInstanceOfSatisfying(BrevetException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.MALFORMED));
        }
    }

    private static Csr csrFor(KeySpec spec) {
        return new CsrBuilder().subject(DistinguishedName.parse("CN=test")).build(spec.generate(RANDOM));
    }
}
