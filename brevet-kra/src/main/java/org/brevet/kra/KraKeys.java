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

    /** The two entries of a token; MALFORMED naming the missing one. */
    public static KraKeys from(Pkcs12Store token, String source) {
        return new KraKeys(entry(token, TRANSPORT_NICKNAME, source), entry(token, STORAGE_NICKNAME, source));
    }

    /** Whether the token already holds the KRA keys. */
    public static boolean presentIn(Pkcs12Store token) {
        return token.keyEntry(TRANSPORT_NICKNAME).isPresent() || token.keyEntry(STORAGE_NICKNAME).isPresent();
    }

    private static Pkcs12Store.KeyEntry entry(Pkcs12Store token, String nickname, String source) {
        return token.keyEntry(nickname).orElseThrow(() -> org.brevet.pki.BrevetException.malformed(
                source + ": no key entry '" + nickname + "' (run brevet kra init)", null));
    }
}
