package org.brevet.kra;

import java.util.Objects;
import org.brevet.pki.Pkcs12Store;

/**
 * The KRA's two system keys and their certificates, from the instance token under Dogtag's nicknames:
 * {@code transportCert} (clients wrap private keys to it) and {@code storageCert} (archived keys are kept
 * wrapped to it). Both are RSA.
 */
public record KraKeys(Pkcs12Store.KeyEntry transport, Pkcs12Store.KeyEntry storage) {
    /** Dogtag's nickname of the transport certificate (kra.transportUnit.nickName). */
    public static final String TRANSPORT_NICKNAME = "transportCert";
    /** Dogtag's nickname of the storage certificate (kra.storageUnit.nickName). */
    public static final String STORAGE_NICKNAME = "storageCert";

    public KraKeys {
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(storage, "storage");
    }

    /** Whether the token already holds the KRA keys. */
    public static boolean presentIn(Pkcs12Store token) {
        return token.keyEntry(TRANSPORT_NICKNAME).isPresent() || token.keyEntry(STORAGE_NICKNAME).isPresent();
    }
}
