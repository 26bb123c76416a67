package org.brevet.cli;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.UnrecoverableKeyException;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import javax.crypto.BadPaddingException;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import org.brevet.pki.BrevetException;
import org.brevet.pki.ErrorKind;
import org.brevet.pki.Secret;

/**
 * The client side of TLS: TLS 1.3 and 1.2 only, the server's certificate verified against the given CA
 * certificates (or the JDK's trusted roots) with its host name checked, and the client certificate from
 * a PKCS#12 file when one is given.
 */
final class ClientTls {
    static final String[] PROTOCOLS = {"TLSv1.3", "TLSv1.2"};

    private ClientTls() {
    }

    static SSLContext context(ConnectionSettings settings, SecureRandom random) {
        KeyManager[] keys = settings.pkcs12().isPresent()
                ? keyManagers(settings.pkcs12().get(), readPassword(settings.passwordFile().orElseThrow()))
                : settings.pem().map(ClientTls::keyManagers).orElse(null);
        TrustManager[] trust = trustManagers(settings.caCert());
        try {
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(keys, trust, random);
            return ctx;
        } catch (GeneralSecurityException e) {
            throw new BrevetException(ErrorKind.INTERNAL, "cannot set up TLS: " + e.getMessage(), e);
        }
    }

    /** Protocols limited to TLS 1.2/1.3 and the server's host name checked against its certificate. */
    static SSLParameters parameters() {
        SSLParameters p = new SSLParameters();
        p.setProtocols(PROTOCOLS.clone());
        p.setEndpointIdentificationAlgorithm("HTTPS");
        return p;
    }

    /** The first line of the file, without its line end: Dogtag's password files hold just the password. */
    static Secret readPassword(Path file) {
        String text = new String(LocalFiles.read(file, "password file"), StandardCharsets.UTF_8);
        int end = text.indexOf('\n');
        String line = end < 0 ? text : text.substring(0, end);
        if (line.endsWith("\r")) {
            line = line.substring(0, line.length() - 1);
        }
        return Secret.of(line);
    }

    private static KeyManager[] keyManagers(Path pkcs12, Secret password) {
        byte[] bytes = LocalFiles.read(pkcs12, "PKCS#12 file");
        char[] pw = password.chars();
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            try (InputStream in = new ByteArrayInputStream(bytes)) {
                store.load(in, pw);
            }
            if (!hasKey(store)) {
                throw new BrevetException(ErrorKind.MALFORMED, pkcs12 + ": no private key in the PKCS#12 file");
            }
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(store, pw);
            return kmf.getKeyManagers();
        } catch (IOException e) {
            if (e.getCause() instanceof UnrecoverableKeyException || e.getCause() instanceof javax.crypto.BadPaddingException) {
                throw new BrevetException(ErrorKind.UNAUTHORIZED, pkcs12 + ": wrong PKCS#12 password", e);
            }
            throw new BrevetException(ErrorKind.MALFORMED, pkcs12 + ": not a readable PKCS#12 file", e);
        } catch (UnrecoverableKeyException e) {
            throw new BrevetException(ErrorKind.UNAUTHORIZED, pkcs12 + ": wrong password for the private key", e);
        } catch (GeneralSecurityException e) {
            throw new BrevetException(ErrorKind.MALFORMED, pkcs12 + ": cannot use the PKCS#12 file: " + e.getMessage(), e);
        } finally {
            Arrays.fill(pw, '\0');
        }
    }

    /** A PEM certificate (chain) and its unencrypted key, held in a memory-only key store. */
    private static KeyManager[] keyManagers(ConnectionSettings.PemCredential pem) {
        List<org.brevet.pki.Certificate> chain = org.brevet.pki.Certificate.parseAll(
                new String(LocalFiles.read(pem.certificate(), "certificate file"), StandardCharsets.US_ASCII));
        if (chain.isEmpty()) {
            throw new BrevetException(ErrorKind.MALFORMED, pem.certificate() + ": no PEM certificate in the file");
        }
        java.security.PrivateKey privateKey = org.brevet.pki.PrivateKeys.parse(
                new String(LocalFiles.read(pem.key(), "key file"), StandardCharsets.US_ASCII));
        char[] pw = "memory-only".toCharArray();
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("client", privateKey, pw,
                    chain.stream().map(org.brevet.pki.Certificate::toX509).toArray(java.security.cert.X509Certificate[]::new));
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(store, pw);
            return kmf.getKeyManagers();
        } catch (IOException | GeneralSecurityException e) {
            throw new BrevetException(ErrorKind.MALFORMED, pem.key() + ": the key does not go with " + pem.certificate()
                    + ": " + e.getMessage(), e);
        }
    }

    private static boolean hasKey(KeyStore store) throws GeneralSecurityException {
        for (String alias : Collections.list(store.aliases())) {
            if (store.isKeyEntry(alias)) {
                return true;
            }
        }
        return false;
    }

    private static TrustManager[] trustManagers(Optional<Path> caCert) {
        try {
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            if (caCert.isEmpty()) {
                tmf.init((KeyStore) null);
                return tmf.getTrustManagers();
            }
            Collection<? extends Certificate> certs = parseCertificates(caCert.get());
            KeyStore anchors = KeyStore.getInstance("PKCS12");
            anchors.load(null, null);
            int i = 0;
            for (Certificate c : certs) {
                anchors.setCertificateEntry("ca-" + i++, c);
            }
            tmf.init(anchors);
            return tmf.getTrustManagers();
        } catch (IOException | GeneralSecurityException e) {
            throw new BrevetException(ErrorKind.INTERNAL, "cannot set up the trust anchors: " + e.getMessage(), e);
        }
    }

    private static Collection<? extends Certificate> parseCertificates(Path file) {
        byte[] bytes = LocalFiles.read(file, "CA certificate file");
        try {
            Collection<? extends Certificate> certs = CertificateFactory.getInstance("X.509")
                    .generateCertificates(new ByteArrayInputStream(bytes));
            if (certs.isEmpty()) {
                throw new BrevetException(ErrorKind.MALFORMED, file + ": no certificate found");
            }
            return certs;
        } catch (GeneralSecurityException e) {
            throw new BrevetException(ErrorKind.MALFORMED, file + ": not a PEM or DER certificate", e);
        }
    }
}
