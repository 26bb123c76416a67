package org.brevet.server;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.List;
import org.brevet.pki.Certificate;
import org.brevet.pki.Pkcs12Store;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * The HTTPS listener: the Server-Cert key and chain from the key token, TLS 1.2 and 1.3 only, client
 * certificates <em>wanted</em> (requested, not required; agent and admin routes insist) and trusted only
 * when issued by this CA. Jetty's SecureRequestCustomizer exposes the client certificate to the routes.
 */
final class ServerTls {
    /** The JDK's PKCS#12 key store folds aliases to lower case; Jetty looks the key up by this name. */
    private static final String ALIAS = "server-cert";

    private ServerTls() {
    }

    static ServerConnector connector(Server server, HttpConfiguration base, String host, int port,
            Pkcs12Store.KeyEntry serverCert, List<Certificate> trusted) {
        HttpConfiguration https = new HttpConfiguration(base);
        // Host names are not checked against SNI: clients reach the CA by IP address or aliases too.
        https.addCustomizer(new SecureRequestCustomizer(false, false, -1, false));
        ServerConnector connector = new ServerConnector(server,
                new SslConnectionFactory(sslContextFactory(serverCert, trusted), "http/1.1"),
                new HttpConnectionFactory(https));
        connector.setHost(host);
        connector.setPort(port);
        return connector;
    }

    static SslContextFactory.Server sslContextFactory(Pkcs12Store.KeyEntry serverCert, List<Certificate> trusted) {
        // The in-memory key store only hands the key to JSSE; its password protects nothing at rest.
        String password = java.util.UUID.randomUUID().toString();
        SslContextFactory.Server ssl = new SslContextFactory.Server();
        ssl.setKeyStore(keyStore(serverCert, password.toCharArray()));
        ssl.setKeyStorePassword(password);
        ssl.setKeyManagerPassword(password);
        ssl.setCertAlias(ALIAS);
        ssl.setTrustStore(trustStore(trusted));
        ssl.setIncludeProtocols("TLSv1.3", "TLSv1.2");
        ssl.setWantClientAuth(true);
        ssl.setNeedClientAuth(false);
        ssl.setSniRequired(false);
        return ssl;
    }

    private static KeyStore keyStore(Pkcs12Store.KeyEntry entry, char[] password) {
        try {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            X509Certificate[] chain = entry.chain().stream().map(Certificate::toX509).toArray(X509Certificate[]::new);
            ks.setKeyEntry(ALIAS, jdkKey(entry.privateKey()), password, chain);
            return ks;
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new IllegalStateException("cannot build the TLS key store", e);
        }
    }

    /** The JDK's own key object, so SunJSSE signs handshakes with its default providers. */
    private static PrivateKey jdkKey(PrivateKey key) throws GeneralSecurityException {
        String algorithm = key.getAlgorithm().equals("ECDSA") ? "EC" : key.getAlgorithm();
        return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(key.getEncoded()));
    }

    private static KeyStore trustStore(List<Certificate> trusted) {
        try {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            for (int i = 0; i < trusted.size(); i++) {
                ks.setCertificateEntry("ca-" + i, trusted.get(i).toX509());
            }
            return ks;
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new IllegalStateException("cannot build the TLS trust store", e);
        }
    }
}
