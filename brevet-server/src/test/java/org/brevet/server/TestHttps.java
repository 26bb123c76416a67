package org.brevet.server;

import java.io.InputStream;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.security.KeyStore;
import java.time.Duration;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.brevet.pki.Certificate;

/** JDK HTTPS clients for tests against a served instance: trusting its CA, with or without a client credential. */
final class TestHttps {
    private TestHttps() {
    }

    /** The bootstrap administrator's credential (admin/ca_admin_cert.p12). */
    static KeyManagerFactory adminKeys(InstanceLayout layout) throws Exception {
        char[] password = Files.readString(layout.adminPasswordFile()).strip().toCharArray();
        KeyStore p12 = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(layout.adminCredential())) {
            p12.load(in, password);
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(p12, password);
        return kmf;
    }

    /** A client trusting only the instance's CA; {@code keys} null means anonymous (no client certificate). */
    static HttpClient client(InstanceLayout layout, KeyManagerFactory keys) throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("ca", Certificate.parse(Files.readString(layout.caCertificate())).toX509());
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(keys == null ? null : keys.getKeyManagers(), tmf.getTrustManagers(), null);
        return HttpClient.newBuilder().sslContext(tls).connectTimeout(Duration.ofSeconds(5)).build();
    }
}
