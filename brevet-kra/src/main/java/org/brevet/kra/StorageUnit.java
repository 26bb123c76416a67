package org.brevet.kra;

import java.security.PrivateKey;
import java.security.SecureRandom;
import org.brevet.pki.Der;
import org.brevet.pki.Pkcs12Store;
import org.brevet.protocol.crmf.EncryptedPrivateKey;
import org.brevet.protocol.crmf.KeyWrapAlgorithm;
import org.brevet.protocol.crmf.SessionKeyWrapping;

/**
 * The storage envelope of archived keys (Dogtag's storage unit, wrapping choice 1): the PKCS#8 wrapped with
 * AES-256 key wrap with padding (RFC 5649) under a fresh session key, itself wrapped with RSA-OAEP-SHA-256 to
 * the storage key; encoded as a CRMF EncryptedValue.
 */
final class StorageUnit {
    private final Pkcs12Store.KeyEntry storage;
    private final SecureRandom random;

    StorageUnit(Pkcs12Store.KeyEntry storage, SecureRandom random) {
        this.storage = storage;
        this.random = random;
    }

    Der wrap(PrivateKey key) {
        return EncryptedPrivateKey.wrap(key, storage.certificate().publicKey(), KeyWrapAlgorithm.AES_256_KEY_WRAP_PAD,
                SessionKeyWrapping.RSA_OAEP_SHA256, random).toDer();
    }

    PrivateKey unwrap(Der envelope) {
        return EncryptedPrivateKey.parse(envelope).unwrap(storage.privateKey());
    }
}
