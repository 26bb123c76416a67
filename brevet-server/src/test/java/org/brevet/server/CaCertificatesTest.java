package org.brevet.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.time.Instant;
import org.brevet.pki.Certificate;
import org.brevet.pki.Csr;
import org.brevet.pki.DistinguishedName;
import org.brevet.pki.KeySpec;
import org.brevet.testkit.Openssl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CaCertificatesTest {
    private static final Instant NOW = Instant.parse("2026-11-23T20:00:00Z");

    @TempDir
    Path dir;

    @Test
    void selfSigned_isARootCaThatOpensslAccepts() throws Exception {
        SecureRandom random = new SecureRandom();
        KeyPair key = KeySpec.EC_P256.generate(random);
        Certificate ca = CaCertificates.selfSigned(key, DistinguishedName.parse("CN=Test CA,O=EXAMPLE.COM"), NOW, random);
        Files.writeString(dir.resolve("ca.pem"), ca.toPem());
        Openssl openssl = new Openssl(dir);

        assertThat(openssl.verify("ca.pem", "ca.pem", "-attime", Long.toString(NOW.plusSeconds(60).getEpochSecond())).isSuccess()).isTrue();
        String text = openssl.x509Text("ca.pem");
        assertThat(text).contains("CA:TRUE").contains("Certificate Sign, CRL Sign")
                .contains("Subject: O = EXAMPLE.COM, CN = Test CA").contains("Subject Key Identifier");
        assertThat(ca.notAfter()).isEqualTo(NOW.plus(CaCertificates.VALIDITY));
    }

    @Test
    void request_isSignedCsrForTheCaKey() {
        KeyPair key = KeySpec.RSA_2048.generate(new SecureRandom());

        Csr csr = CaCertificates.request(key, DistinguishedName.parse("CN=Sub CA,O=EXAMPLE.COM"));

        assertThat(csr.isSignatureValid()).isTrue();
        assertThat(csr.publicKey()).isEqualTo(key.getPublic());
        assertThat(csr.subject().rfc4514()).isEqualTo("CN=Sub CA,O=EXAMPLE.COM");
    }
}
