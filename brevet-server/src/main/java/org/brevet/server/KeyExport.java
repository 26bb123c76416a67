package org.brevet.server;

import java.nio.file.Path;
import java.security.SecureRandom;
import org.brevet.pki.BrevetException;
import org.brevet.pki.ErrorKind;
import org.brevet.pki.Pkcs12Store;
import org.brevet.pki.Secret;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code brevet ca export-keys} (Dogtag's PKCS12Export): the instance's system keys and certificates as a
 * PKCS#12 file for {@code ca clone}, encrypted with PBES2 (PBKDF2-HMAC-SHA256, AES-256-CBC), written
 * atomically with mode 0600. Every entry of the key token goes in but {@code Server-Cert}, which each node
 * makes for itself.
 */
public final class KeyExport {
    private static final Logger LOG = LoggerFactory.getLogger(KeyExport.class);

    private final SecureRandom random;

    public KeyExport(SecureRandom random) {
        this.random = random;
    }

    /** Writes the backup and returns the nicknames it holds. */
    public java.util.Set<String> export(InstanceLayout instance, Path out, Secret password) {
        if (!instance.isInstalled()) {
            throw new BrevetException(ErrorKind.NOT_FOUND, "no instance at " + instance.root());
        }
        if (password.reveal().length() < 8) {
            throw BrevetException.malformed("--password-file: the PKCS#12 password must have at least 8 characters", null);
        }
        Pkcs12Store keys = KeyToken.open(instance).systemKeys();
        keys.write(out.toAbsolutePath(), password, random);
        LOG.info("instance {} - system keys {} exported to {}", instance.root(), keys.aliases(), out);
        return keys.aliases();
    }
}
