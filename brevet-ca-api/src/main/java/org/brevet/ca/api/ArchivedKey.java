package org.brevet.ca.api;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import org.brevet.pki.Der;

/**
 * An archived private key's record, without the key (Dogtag's keyRecord: serialno, ownerName, publicKeyData,
 * algorithm, keySize, status, archivedBy). The wrapped key itself is only ever read by the KRA.
 *
 * @param requestId  the certificate request the key was archived for
 * @param owner      the subject DN of that request (RFC 4514)
 * @param publicKey  the DER SubjectPublicKeyInfo
 * @param algorithm  RSA or EC
 * @param size       the key size in bits (modulus or curve)
 * @param archivedBy who submitted the archival (a user id, or {@code $System$} for enrollment)
 */
public record ArchivedKey(ArchivedKeyId id, RequestId requestId, String owner, Der publicKey, String algorithm, int size,
        Status status, Instant archivedAt, String archivedBy) {

    /** Dogtag's key status: recoverable (active) or not. */
    public enum Status {
        ACTIVE, INACTIVE;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public ArchivedKey {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(publicKey, "publicKey");
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(archivedAt, "archivedAt");
        Objects.requireNonNull(archivedBy, "archivedBy");
    }
}
