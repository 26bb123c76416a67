package org.brevet.ca.api.store;

import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;
import org.brevet.ca.api.RevocationRecord;
import org.brevet.pki.SerialNumber;

/**
 * Revocations, apart from the append-only certificates. Every write is committed before the method
 * returns. The streaming reads hand rows to the consumer as the database returns them (a cursor with a
 * bounded fetch size), so CRL generation never holds all revoked entries in memory.
 */
public interface RevocationRepository {
    /**
     * Records the revocation. NOT_FOUND when no certificate has the serial; ALREADY_REVOKED when it is
     * revoked or on hold (even when two nodes race: one wins, the other gets ALREADY_REVOKED).
     */
    void revoke(RevocationRecord revocation);

    /**
     * Removes the revocation only if its reason is still certificateHold (compare-and-set) and remembers
     * the release at {@code releasedAt} for delta CRLs. Returns the removed revocation, or empty when the
     * certificate was not on hold.
     */
    Optional<RevocationRecord> release(SerialNumber serial, Instant releasedAt);

    /** The certificate's current revocation, if any (released holds are not revocations). */
    Optional<RevocationRecord> find(SerialNumber serial);

    /** Whether the serial was issued by this CA and its current revocation, in one read (for OCSP). */
    SerialState state(SerialNumber serial);

    /**
     * Streams every current revocation of a certificate whose notAfter is at or after
     * {@code expiredBefore} (so expired certificates can leave the CRL), in serial order.
     */
    void forEachRevoked(Instant expiredBefore, Consumer<RevocationRecord> sink);

    /**
     * Streams the changes made at or after {@code since} (for a delta CRL): current revocations with
     * revokedAt at or after it, and releases from hold made at or after it, the latter as records with
     * reason removeFromCRL and revokedAt the time of release. Certificates expired before
     * {@code expiredBefore} are left out. Serial order.
     */
    void forEachChangeSince(Instant since, Instant expiredBefore, Consumer<RevocationRecord> sink);

    /** What the store knows of one serial. */
    record SerialState(boolean issued, Optional<RevocationRecord> revocation) {
        public static final SerialState UNKNOWN = new SerialState(false, Optional.empty());

        public SerialState {
            java.util.Objects.requireNonNull(revocation, "revocation");
            if (!issued && revocation.isPresent()) {
                throw new IllegalArgumentException("a serial that was not issued cannot be revoked");
            }
        }
    }
}
