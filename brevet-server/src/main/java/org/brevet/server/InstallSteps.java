package org.brevet.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.brevet.ca.Authority;
import org.brevet.ca.api.CertificateRecord;
import org.brevet.pki.AtomicFiles;
import org.brevet.pki.BrevetException;
import org.brevet.pki.Certificate;
import org.brevet.pki.ErrorKind;
import org.brevet.pki.Pkcs12Store;
import org.brevet.pki.Secret;
import org.brevet.server.config.BrevetConfig;
import org.brevet.server.config.ConfigFile;

/**
 * The steps {@code ca init}, {@code ca install-cert} and {@code ca clone} share when they build an instance
 * directory: checking the target, the directory tree and its modes, the token PIN, the configuration, the CA
 * chain, and having the authority issue a system certificate for a new key.
 */
final class InstallSteps {
    private final SecureRandom random;

    InstallSteps(SecureRandom random) {
        this.random = random;
    }

    /** CONFLICT unless the target is absent or an empty directory. */
    static void refuseExisting(InstanceLayout target) {
        Path root = target.root();
        if (target.exists()) {
            throw new BrevetException(ErrorKind.CONFLICT, "an instance already exists at " + root);
        }
        if (!Files.exists(root)) {
            return;
        }
        if (!Files.isDirectory(root)) {
            throw new BrevetException(ErrorKind.CONFLICT, root + " exists and is not a directory");
        }
        try (Stream<Path> entries = Files.list(root)) {
            if (entries.findAny().isPresent()) {
                throw new BrevetException(ErrorKind.CONFLICT, root + " exists and is not empty");
            }
        } catch (IOException e) {
            throw new BrevetException(ErrorKind.UNAVAILABLE, "cannot read " + root + ": " + e.getMessage(), e);
        }
    }

    /** conf, certs, logs readable by all; alias, data, audit, admin for the owner only. */
    static void createDirectories(InstanceLayout layout) {
        try {
            Files.setPosixFilePermissions(layout.root(), PosixFilePermissions.fromString("rwxr-xr-x"));
            for (Path dir : List.of(layout.confDir(), layout.certsDir(), layout.logsDir())) {
                Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
            }
            for (Path dir : List.of(layout.aliasDir(), layout.dataDir(), layout.auditDir(), layout.adminDir())) {
                Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            }
        } catch (IOException e) {
            throw new BrevetException(ErrorKind.UNAVAILABLE, "cannot create the instance directories: " + e.getMessage(), e);
        }
    }

    /** A new random token PIN, written to password.conf (0600). */
    Secret writeNewPin(InstanceLayout layout) {
        Secret pin = randomSecret();
        AtomicFiles.writeSecret(layout.passwordFile(),
                PasswordFiles.render(PasswordFiles.INTERNAL_TOKEN, pin).getBytes(StandardCharsets.UTF_8));
        return pin;
    }

    static void writeConfig(InstanceLayout layout, BrevetConfig config) {
        AtomicFiles.writeString(layout.configFile(), ConfigFile.render(config), AtomicFiles.PUBLIC);
    }

    /** certs/ca.pem: the CA certificate first, then its issuers. */
    static void writeCaChain(InstanceLayout layout, List<Certificate> chain) {
        StringBuilder pem = new StringBuilder();
        chain.forEach(c -> pem.append(c.toPem()));
        AtomicFiles.writeString(layout.caCertificate(), pem.toString(), AtomicFiles.PUBLIC);
    }

    /** A new key, certified by the authority under the spec's profile (recorded in the database like any certificate). */
    Pkcs12Store.KeyEntry issue(Authority authority, SystemCertificates.Spec spec, List<Certificate> chain) {
        KeyPair pair = spec.key().generate(random);
        CertificateRecord issued = authority.issueSystemCertificate(spec.profileId(), spec.subject(), pair.getPublic(),
                spec.sans());
        List<Certificate> full = new ArrayList<>();
        full.add(Certificate.fromDer(issued.der()));
        full.addAll(chain);
        return new Pkcs12Store.KeyEntry(pair.getPrivate(), full);
    }

    Secret randomSecret() {
        byte[] bytes = new byte[18];
        random.nextBytes(bytes);
        return Secret.of(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }
}
