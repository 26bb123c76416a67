package org.brevet.server;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import org.brevet.pki.DistinguishedName;
import org.brevet.pki.KeySpec;
import org.brevet.server.config.BrevetConfig;

/**
 * What {@code brevet ca init} was asked for, already typed and checked.
 *
 * @param config            the configuration the instance will be written with
 * @param caSubject         the CA's subject name
 * @param caKey             the CA key type
 * @param adminPasswordFile the PKCS#12 password of the first administrator; empty: a random one
 * @param externalCsr       with an external CA: where to write the CA's CSR (init stops there)
 */
public record InitOptions(BrevetConfig config, DistinguishedName caSubject, KeySpec caKey,
        Optional<Path> adminPasswordFile, Optional<Path> externalCsr) {

    public static final String DEFAULT_SUBJECT = "CN=Certificate Authority,O=Brevet";

    public InitOptions {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(caSubject, "caSubject");
        Objects.requireNonNull(caKey, "caKey");
        Objects.requireNonNull(adminPasswordFile, "adminPasswordFile");
        Objects.requireNonNull(externalCsr, "externalCsr");
    }
}
