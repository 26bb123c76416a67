package org.brevet.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CertificateBundleTest {
    private static final Instant NOW = Instant.now();

    @TempDir
    Path dir;

    private final TestPkis pki = TestPkis.create(KeySpec.EC_P256, NOW);
    private final Certificate leaf = pki.issue(KeySpec.EC_P256.generate(TestPkis.RANDOM), "CN=leaf", List.of(),
            List.of(ExtendedKeyUsage.SERVER_AUTH), NOW);

    @Test
    void toPkcs7_opensslPrintsTheSameCertificates() throws Exception {
        Files.writeString(dir.resolve("b.p7b"), CertificateBundle.toPkcs7Pem(List.of(leaf, pki.ca())));
        String out = OpensslProcess.run(dir, "pkcs7", "-in", "b.p7b", "-print_certs").assertOk().stdout();
        assertThat(Certificate.parseAll(out)).containsExactlyInAnyOrder(leaf, pki.ca());
    }

    @Test
    void parse_opensslPkcs7InPemAndDer_returnsCertificates() throws Exception {
        Files.writeString(dir.resolve("certs.pem"), leaf.toPem() + pki.ca().toPem());
        OpensslProcess.run(dir, "crl2pkcs7", "-nocrl", "-certfile", "certs.pem", "-out", "b.pem").assertOk();
        OpensslProcess.run(dir, "crl2pkcs7", "-nocrl", "-certfile", "certs.pem", "-outform", "DER", "-out", "b.der").assertOk();
        assertThat(CertificateBundle.parse(Files.readAllBytes(dir.resolve("b.pem")))).containsExactlyInAnyOrder(leaf, pki.ca());
        byte[] der = Files.readAllBytes(dir.resolve("b.der"));
        assertThat(CertificateBundle.parse(der)).containsExactlyInAnyOrder(leaf, pki.ca());
        String base64 = Der.of(der).toBase64();
        assertThat(CertificateBundle.parse(base64.getBytes(StandardCharsets.US_ASCII))).hasSize(2);
    }

    @Test
    void parse_pemChainAndSingleDer_work() {
        String pem = leaf.toPem() + pki.ca().toPem();
        assertThat(CertificateBundle.parse(pem.getBytes(StandardCharsets.US_ASCII))).containsExactly(leaf, pki.ca());
        assertThat(CertificateBundle.parse(leaf.toDer().bytes())).containsExactly(leaf);
    }

    @Test
    void parse_garbageOrEmpty_isMalformed() {
        for (byte[] input : List.of(new byte[0], "hello".getBytes(StandardCharsets.US_ASCII), new byte[] {0x30, 0x03, 0x02, 0x01, 0x01},
                Pem.encode("PRIVATE KEY", Der.of(new byte[] {1})).getBytes(StandardCharsets.US_ASCII))) {
            assertThatThrownBy(() -> CertificateBundle.parse(input))
                    .isInstanceOfSatisfying(BrevetException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.MALFORMED));
        }
    }
}
