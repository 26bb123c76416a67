package org.brevet.tracker;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Optional;
import org.brevet.pki.BrevetException;
import org.brevet.pki.ErrorKind;
import org.brevet.pki.Secret;
import org.brevet.tracker.api.StorageType;
import org.brevet.tracker.keystore.Certutil;
import org.brevet.tracker.keystore.KeyAndCertStore;
import org.brevet.tracker.keystore.NssDatabase;
import org.brevet.tracker.keystore.PemFiles;
import org.brevet.tracker.keystore.Pkcs12File;
import org.brevet.tracker.keystore.PinVault;
import org.brevet.tracker.state.RequestSettings;
import org.brevet.tracker.state.TrackedRequest;

/** Opens the key/certificate store a request's settings describe, and finds its PIN. */
final class KeyStores {
    private final PinVault pins;
    private final SecureRandom random;

    private final Certutil certutil;

    KeyStores(PinVault pins, SecureRandom random, Certutil certutil) {
        this.pins = pins;
        this.random = random;
        this.certutil = certutil;
    }

    KeyAndCertStore open(RequestSettings s) {
        if (s.certStorage().type() == StorageType.PKCS12) {
            return new Pkcs12File(Path.of(s.certStorage().location()), s.keyPerms(), s.keyOwner(), random);
        }
        if (s.certStorage().type() == StorageType.NSSDB) {
            return new NssDatabase(s.certStorage().location(), s.certStorage().nickname(), s.certStorage().token(),
                    certutil, new PemFiles.Modes(s.keyOwner(), s.keyPerms(), s.certOwner(), s.certPerms()), random);
        }
        if (s.certStorage().type() != StorageType.FILE) {
            throw new BrevetException(ErrorKind.MALFORMED, s.certStorage().type() + " storage is not supported yet");
        }
        Path key = s.keyStorage().type() == StorageType.NONE ? null : Path.of(s.keyStorage().location());
        return new PemFiles(key, Path.of(s.certStorage().location()),
                new PemFiles.Modes(s.keyOwner(), s.keyPerms(), s.certOwner(), s.certPerms()), random);
    }

    Optional<Secret> pin(TrackedRequest r) {
        return pins.pinFor(r.id(), r.settings().pinFile());
    }
}
