package org.brevet.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CertificateTest {
    private static final SecureRandom RANDOM = new SecureRandom();

    @TempDir
    Path dir;

    @Test
    void parse_opensslSelfSigned_readsFieldsAndFingerprintsMatchOpenssl() throws Exception {
        OpensslProcess.run(dir, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "k.pem", "-out", "c.pem",
                "-days", "30", "-subj", "/C=US/O=Example/CN=openssl root", "-addext", "subjectAltName=DNS:root.example").assertOk();
        Certificate cert = Certificate.parse(Files.readAllBytes(dir.resolve("c.pem")));
        assertThat(cert.subject().toString()).isEqualTo("CN=openssl root,O=Example,C=US");
        assertThat(cert.isCa()).isTrue();
        assertThat(cert.verifiedBy(cert.publicKey())).isTrue();
        assertThat(cert.subjectAltNames()).containsExactly(SubjectAltName.dns("root.example"));
        for (String[] pair : List.of(new String[] {"-sha256", cert.fingerprintSha256()},
                new String[] {"-sha1", cert.fingerprintSha1()}, new String[] {"-md5", cert.fingerprintMd5()})) {
            String out = OpensslProcess.run(dir, "x509", "-in", "c.pem", "-noout", "-fingerprint", pair[0]).assertOk().stdout();
            assertThat(out.trim()).endsWith("=" + pair[1]);
        }
        String serial = OpensslProcess.run(dir, "x509", "-in", "c.pem", "-noout", "-serial").assertOk().stdout();
        assertThat(SerialNumber.parse(serial.trim().substring("serial=".length()))).isEqualTo(cert.serial());
    }

    @Test
    void parseAll_chain_returnsEveryCertificateInOrder() {
        KeyPair rootKeys = KeySpec.EC_P256.generate(RANDOM);
        Certificate root = CertificateBuilderTest.selfSignedCa(rootKeys, "CN=Root");
        Certificate leaf = CertificateBuilderTest.serverCert(root, rootKeys, KeySpec.EC_P256.generate(RANDOM));
        String bundle = "subject=whatever\n" + leaf.toPem() + "\n" + root.toPem();
        assertThat(Certificate.parseAll(bundle)).containsExactly(leaf, root);
        assertThat(Certificate.parseAll("no pem here")).isEmpty();
        assertThat(Certificate.parse(bundle.getBytes(StandardCharsets.US_ASCII))).isEqualTo(leaf);
    }

    @Test
    void parse_garbageOrTruncated_isMalformed() {
        KeyPair keys = KeySpec.EC_P256.generate(RANDOM);
        byte[] der = CertificateBuilderTest.selfSignedCa(keys, "CN=x").toDer().bytes();
        for (int len : new int[] {0, 1, 4, der.length / 3, der.length - 1}) {
            byte[] cut = Arrays.copyOf(der, len);
            assertThatThrownBy(() -> Certificate.parse(cut)).as("length %d", len)
                    .isInstanceOfSatisfying(BrevetException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.MALFORMED));
        }
        assertThatThrownBy(() -> Certificate.parse("-----BEGIN CERTIFICATE-----\nMAA=\n-----END CERTIFICATE-----\n"))
                .isInstanceOfSatisfying(BrevetException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.MALFORMED));
        assertThatThrownBy(() -> Certificate.parse("just text, no certificate"))
                .isInstanceOfSatisfying(BrevetException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.MALFORMED));
    }

    @Test
    void parse_ed25519CertificateAndCsr_parseAndVerifyButKeySpecIsUnsupported() throws Exception {
        OpensslProcess.run(dir, "req", "-x509", "-newkey", "ed25519", "-nodes", "-keyout", "k1", "-out", "ed.pem",
                "-subj", "/CN=ed", "-days", "1").assertOk();
        OpensslProcess.run(dir, "req", "-new", "-newkey", "ed25519", "-nodes", "-keyout", "k2", "-out", "ed.csr",
                "-subj", "/CN=edcsr").assertOk();
        for (String file : List.of("ed.pem")) {
            Certificate cert = Certificate.parse(Files.readAllBytes(dir.resolve(file)));
            assertThat(cert.verifiedBy(cert.publicKey())).as(file).isTrue();
            assertThatThrownBy(cert::keySpec).as(file)
                    .isInstanceOfSatisfying(BrevetException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.MALFORMED));
        }
        Csr csr = Csr.parse(Files.readAllBytes(dir.resolve("ed.csr")));
        csr.verifySignature();
        assertThat(csr.subject().commonName()).contains("edcsr");
    }
}
