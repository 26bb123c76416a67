package org.brevet.cli;

import java.net.URI;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import org.brevet.pki.BrevetException;
import org.brevet.pki.ErrorKind;

/**
 * Where the CA is and how to talk to it: the base URL, an optional client credential (PKCS#12 and its
 * password file; none means anonymous) and an optional trust anchor (none means the JDK's roots).
 */
record ConnectionSettings(URI url, Optional<Path> pkcs12, Optional<Path> passwordFile, Optional<Path> caCert,
        Optional<PemCredential> pem) {
    /**
     * A client credential as PEM files, e.g. a host's own certificate and key kept by the tracker.
     *
     * @param certificate the certificate, optionally followed by its issuers
     * @param key         its private key, unencrypted PKCS#8 or traditional PEM
     */
    record PemCredential(Path certificate, Path key) {
        PemCredential {
            Objects.requireNonNull(certificate, "certificate");
            Objects.requireNonNull(key, "key");
        }
    }

    ConnectionSettings(URI url, Optional<Path> pkcs12, Optional<Path> passwordFile, Optional<Path> caCert) {
        this(url, pkcs12, passwordFile, caCert, Optional.empty());
    }

    ConnectionSettings {
        Objects.requireNonNull(pem, "pem");
        if (pem.isPresent() && pkcs12.isPresent()) {
            throw new BrevetException(ErrorKind.MALFORMED, "--client-cert/--client-key and --p12 are two credentials: give one");
        }
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(pkcs12, "pkcs12");
        Objects.requireNonNull(passwordFile, "passwordFile");
        Objects.requireNonNull(caCert, "caCert");
        if (!"https".equalsIgnoreCase(url.getScheme()) || url.getHost() == null) {
            throw new BrevetException(ErrorKind.MALFORMED, "--url must be an https:// URL with a host, not '" + url + "'");
        }
        if (pkcs12.isPresent() && passwordFile.isEmpty()) {
            throw new BrevetException(ErrorKind.MALFORMED, "--p12 needs --p12-password-file");
        }
        if (pkcs12.isEmpty() && passwordFile.isPresent()) {
            throw new BrevetException(ErrorKind.MALFORMED, "--p12-password-file needs --p12");
        }
    }
}
