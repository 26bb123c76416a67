package org.brevet.tracker.keystore;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.brevet.pki.AtomicFiles;
import org.brevet.pki.BrevetException;
import org.brevet.pki.Certificate;
import org.brevet.pki.ErrorKind;
import org.brevet.pki.KeySpec;
import org.brevet.pki.PrivateKeys;
import org.brevet.pki.Secret;

/**
 * FILE storage: a PEM certificate file and a PKCS#8 PEM key file (encrypted when a PIN is given). A key
 * generated for a renewal goes to {@code <keyfile>.next} until its certificate is saved; then the key is
 * moved over the old one right after the certificate is written.
 */
public final class PemFiles implements KeyAndCertStore {
    private final Path keyFile;
    private final Path certFile;
    private final Modes modes;
    private final SecureRandom random;

    /** Owners and modes to apply after saving; null fields mean the defaults (key 0600, certificate 0644). */
    public record Modes(String keyOwner, Integer keyPerms, String certOwner, Integer certPerms) {
    }

    public PemFiles(Path keyFile, Path certFile, Modes modes, SecureRandom random) {
        this.keyFile = keyFile;
        this.certFile = Objects.requireNonNull(certFile, "certFile");
        this.modes = modes;
        this.random = random;
    }

    private Path nextKeyFile() {
        return keyFile.resolveSibling(keyFile.getFileName() + ".next");
    }

    @Override
    public boolean hasKey() {
        return keyFile != null && Files.isRegularFile(keyFile);
    }

    @Override
    public Optional<Certificate> readCertificate(Optional<Secret> pin) {
        if (!Files.isRegularFile(certFile)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Certificate.parse(Files.readAllBytes(certFile)));
        } catch (IOException e) {
            throw new BrevetException(ErrorKind.UNAVAILABLE, "cannot read " + certFile + ": " + e.getMessage(), e);
        }
    }

    @Override
    public boolean generateKey(KeySpec spec, Optional<Secret> pin) {
        requireKeyFile();
        boolean asNext = hasKey();
        KeyPair pair = spec.generate(random);
        writeKey(asNext ? nextKeyFile() : keyFile, pair.getPrivate(), pin);
        return asNext;
    }

    @Override
    public KeyPair loadKey(Optional<Secret> pin, boolean next) {
        requireKeyFile();
        Path file = next ? nextKeyFile() : keyFile;
        PrivateKey key = pin.isPresent() ? PrivateKeys.read(file, pin.get()) : PrivateKeys.read(file);
        return new KeyPair(PrivateKeys.publicKeyOf(key), key);
    }

    @Override
    public void save(Certificate certificate, List<Certificate> chain, Optional<Secret> pin, boolean swapNextKey) {
        int certMode = modes.certPerms() == null ? 0644 : modes.certPerms();
        AtomicFiles.write(certFile, certificate.toPem().getBytes(StandardCharsets.US_ASCII), FileModes.of(certMode));
        FileModes.applyOwner(certFile, modes.certOwner());
        if (swapNextKey) {
            try {
                AtomicFiles.write(keyFile, Files.readAllBytes(nextKeyFile()), keyMode());
                Files.deleteIfExists(nextKeyFile());
            } catch (IOException e) {
                throw new BrevetException(ErrorKind.UNAVAILABLE, "cannot move the new key into " + keyFile, e);
            }
        }
        if (keyFile != null && Files.exists(keyFile)) {
            try {
                Files.setPosixFilePermissions(keyFile, keyMode());
            } catch (IOException e) {
                throw new BrevetException(ErrorKind.UNAVAILABLE, "cannot set the mode of " + keyFile, e);
            }
            FileModes.applyOwner(keyFile, modes.keyOwner());
        }
    }

    private Set<PosixFilePermission> keyMode() {
        return FileModes.of(modes.keyPerms() == null ? 0600 : modes.keyPerms());
    }

    private void writeKey(Path file, PrivateKey key, Optional<Secret> pin) {
        String pem = pin.isPresent() ? PrivateKeys.toEncryptedPem(key, pin.get(), random) : PrivateKeys.toPem(key);
        AtomicFiles.write(file, pem.getBytes(StandardCharsets.US_ASCII), AtomicFiles.SECRET);
    }

    private void requireKeyFile() {
        if (keyFile == null) {
            throw new BrevetException(ErrorKind.NOT_FOUND, "no key location: the certificate can only be monitored");
        }
    }
}
