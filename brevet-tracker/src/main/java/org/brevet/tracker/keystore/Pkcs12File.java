package org.brevet.tracker.keystore;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.brevet.pki.AtomicFiles;
import org.brevet.pki.BrevetException;
import org.brevet.pki.Certificate;
import org.brevet.pki.ErrorKind;
import org.brevet.pki.KeySpec;
import org.brevet.pki.Pkcs12Store;
import org.brevet.pki.PrivateKeys;
import org.brevet.pki.Secret;

/**
 * PKCS#12 storage: key, certificate and chain in one file protected by the PIN (an empty password when none
 * is given). A PKCS#12 file cannot hold a key without its certificate, so a newly generated key waits in
 * {@code <file>.next-key} (PKCS#8, encrypted with the PIN, 0600) until its certificate is issued; then the
 * PKCS#12 file is replaced atomically and the waiting key removed.
 */
public final class Pkcs12File implements KeyAndCertStore {
    static final String ALIAS = "certificate";

    private final Path file;
    private final Integer mode;
    private final String owner;
    private final SecureRandom random;

    public Pkcs12File(Path file, Integer mode, String owner, SecureRandom random) {
        this.file = file;
        this.mode = mode;
        this.owner = owner;
        this.random = random;
    }

    private Path nextKeyFile() {
        return file.resolveSibling(file.getFileName() + ".next-key");
    }

    @Override
    public boolean hasKey() {
        return Files.isRegularFile(file);
    }

    @Override
    public Optional<Certificate> readCertificate(Optional<Secret> pin) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        return open(pin).keyEntry(ALIAS).map(Pkcs12Store.KeyEntry::certificate)
                .or(() -> open(pin).entries().values().stream().filter(e -> e instanceof Pkcs12Store.KeyEntry)
                        .map(e -> ((Pkcs12Store.KeyEntry) e).certificate()).findFirst());
    }

    @Override
    public boolean generateKey(KeySpec spec, Optional<Secret> pin) {
        KeyPair pair = spec.generate(random);
        String pem = pin.isPresent() && !pin.get().isEmpty()
                ? PrivateKeys.toEncryptedPem(pair.getPrivate(), pin.get(), random) : PrivateKeys.toPem(pair.getPrivate());
        AtomicFiles.writeSecret(nextKeyFile(), pem.getBytes(StandardCharsets.US_ASCII));
        return true;
    }

    @Override
    public KeyPair loadKey(Optional<Secret> pin, boolean next) {
        PrivateKey key;
        if (next) {
            key = pin.isPresent() && !pin.get().isEmpty() ? PrivateKeys.read(nextKeyFile(), pin.get())
                    : PrivateKeys.read(nextKeyFile());
        } else {
            key = currentEntry(pin).privateKey();
        }
        return new KeyPair(PrivateKeys.publicKeyOf(key), key);
    }

    @Override
    public void save(Certificate certificate, List<Certificate> chain, Optional<Secret> pin, boolean swapNextKey) {
        PrivateKey key = swapNextKey ? loadKey(pin, true).getPrivate() : currentEntry(pin).privateKey();
        List<Certificate> all = new ArrayList<>();
        all.add(certificate);
        all.addAll(chain);
        Pkcs12Store.empty().withKey(ALIAS, key, all).write(file, password(pin), random);
        try {
            if (mode != null) {
                Files.setPosixFilePermissions(file, FileModes.of(mode));
            }
            if (swapNextKey) {
                Files.deleteIfExists(nextKeyFile());
            }
        } catch (IOException e) {
            throw new BrevetException(ErrorKind.UNAVAILABLE, "cannot finish writing " + file + ": " + e.getMessage(), e);
        }
        FileModes.applyOwner(file, owner);
    }

    private Pkcs12Store.KeyEntry currentEntry(Optional<Secret> pin) {
        Pkcs12Store store = open(pin);
        return store.keyEntry(ALIAS).or(() -> store.entries().values().stream()
                .filter(e -> e instanceof Pkcs12Store.KeyEntry).map(e -> (Pkcs12Store.KeyEntry) e).findFirst())
                .orElseThrow(() -> new BrevetException(ErrorKind.NOT_FOUND, file + " holds no private key"));
    }

    private Pkcs12Store open(Optional<Secret> pin) {
        return Pkcs12Store.read(file, password(pin));
    }

    private static Secret password(Optional<Secret> pin) {
        return pin.orElse(Secret.of(""));
    }
}
