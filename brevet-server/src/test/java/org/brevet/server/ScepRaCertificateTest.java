package org.brevet.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.brevet.pki.Certificate;
import org.brevet.pki.CertificateBundle;
import org.brevet.pki.KeyAlgorithm;
import org.brevet.pki.KeySpec;
import org.brevet.pki.KeyUsage;
import org.brevet.pki.Pkcs12Store;
import org.brevet.pki.Secret;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The SCEP RA certificate: made at ca init (RSA even under an EC CA), and on first serve for older instances. */
class ScepRaCertificateTest {
    @TempDir
    Path dir;

    @Test
    void init_issuesAnRsaRaCertificate_underAnEcCa_forEncryptionAndSignature() {
        InstanceLayout layout = TestInstances.create(dir.resolve("ca"), KeySpec.EC_P256);
        Pkcs12Store.KeyEntry ra = token(layout).keyEntry(ScepRaCertificate.NICKNAME).orElseThrow();
        Certificate ca = token(layout).keyEntry(KeyToken.CA_SIGNING).orElseThrow().certificate();

        assertThat(ra.certificate().keySpec().algorithm()).isEqualTo(KeyAlgorithm.RSA);
        assertThat(ra.certificate().verifiedBy(ca.publicKey())).isTrue();
        assertThat(ra.certificate().keyUsage()).contains(KeyUsage.DIGITAL_SIGNATURE, KeyUsage.KEY_ENCIPHERMENT);
        assertThat(ra.certificate().subject().commonName()).contains("SCEP Registration Authority");
    }

    @Test
    void serve_createsTheRaCertificate_whenAnOlderInstanceLacksIt_andGetCaCertReturnsIt() throws Exception {
        InstanceLayout layout = TestInstances.create(dir.resolve("ca"), KeySpec.EC_P256);
        Secret pin = PasswordFiles.readEntry(layout.passwordFile(), PasswordFiles.INTERNAL_TOKEN);
        token(layout).without(ScepRaCertificate.NICKNAME).write(layout.keyToken(), pin, new SecureRandom());
        assertThat(token(layout).keyEntry(ScepRaCertificate.NICKNAME)).isEmpty();

        try (BrevetServer server = BrevetServer.start(layout, Clock.systemUTC(), new SecureRandom())) {
            Pkcs12Store.KeyEntry ra = token(layout).keyEntry(ScepRaCertificate.NICKNAME).orElseThrow();
            assertThat(Files.getPosixFilePermissions(layout.keyToken())).containsExactlyInAnyOrder(
                    PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
            HttpResponse<byte[]> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + server.httpPort() + "/ca/cgi-bin/pkiclient.exe?operation=GetCACert"))
                    .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.headers().firstValue("Content-Type")).contains("application/x-x509-ca-ra-cert");
            List<Certificate> certs = CertificateBundle.parse(r.body());
            assertThat(certs).contains(ra.certificate(),
                    token(layout).keyEntry(KeyToken.CA_SIGNING).orElseThrow().certificate());
        }
        // a second start reuses it
        Certificate first = token(layout).keyEntry(ScepRaCertificate.NICKNAME).orElseThrow().certificate();
        try (BrevetServer server = BrevetServer.start(layout, Clock.systemUTC(), new SecureRandom())) {
            assertThat(token(layout).keyEntry(ScepRaCertificate.NICKNAME).orElseThrow().certificate()).isEqualTo(first);
        }
    }

    private static Pkcs12Store token(InstanceLayout layout) {
        Secret pin = PasswordFiles.readEntry(layout.passwordFile(), PasswordFiles.INTERNAL_TOKEN);
        return Pkcs12Store.read(layout.keyToken(), pin);
    }
}
