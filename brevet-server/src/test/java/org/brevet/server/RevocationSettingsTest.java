package org.brevet.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.brevet.pki.Crl;
import org.brevet.pki.KeySpec;
import org.brevet.testkit.Openssl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** brevet.conf's CRL and OCSP keys take effect: delta CRLs published, OCSP signed by the CA key, nonces ignored. */
class RevocationSettingsTest {
    @TempDir
    Path dir;

    @Test
    void deltasCaKeySigningAndIgnoredNonces() throws Exception {
        InstanceLayout layout = InstanceLayout.of(dir.resolve("ca"));
        new Installer(Clock.systemUTC(), new SecureRandom()).install(layout, new InitOptions(
                TestInstances.config("crl.delta.enabled = true\nocsp.signer = caSigningCert\nocsp.nonces = false\n"),
                TestInstances.SUBJECT, KeySpec.EC_P256, Optional.empty(), Optional.empty()));
        try (BrevetServer server = BrevetServer.start(layout, Clock.systemUTC(), new SecureRandom())) {
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            HttpResponse<byte[]> full = awaitCrl(http, server, "/crl/MasterCRL.crl");
            HttpResponse<byte[]> delta = awaitCrl(http, server, "/ca/ee/ca/getCRL?op=getDeltaCRL&crlIssuingPoint=MasterCRL");
            Crl fullCrl = Crl.parse(full.body());
            assertThat(Crl.parse(delta.body()).deltaBase()).isEqualTo(fullCrl.crlNumber());

            Openssl openssl = new Openssl(dir);
            String ca = layout.caCertificate().toString();
            String out = openssl.ok("ocsp", "-issuer", ca, "-cert", ca, "-url",
                    "http://127.0.0.1:" + server.httpPort() + "/ocsp", "-CAfile", ca, "-resp_text").output();
            // the CA certificate itself is not one the CA issued: unknown; signed by the CA key; nonce not echoed
            assertThat(out).contains("Response verify OK", ": unknown", "WARNING: no nonce in response")
                    .doesNotContain("Certificate:");
        }
    }

    /** The schedule generates the first CRLs as the server starts; wait for them (bounded). */
    private static HttpResponse<byte[]> awaitCrl(HttpClient http, BrevetServer server, String path) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.httpPort() + path))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofByteArray());
            if (r.statusCode() == 200 || System.nanoTime() > deadline) {
                assertThat(r.statusCode()).as(new String(r.body())).isEqualTo(200);
                return r;
            }
            Thread.onSpinWait();
        }
    }
}
