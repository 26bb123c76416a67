package org.brevet.ca.api;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;
import org.brevet.pki.RevocationReason;
import org.brevet.pki.RevokedEntry;
import org.brevet.pki.SerialNumber;

/**
 * A certificate's revocation as stored (times to the second, as CRLs and OCSP carry them).
 *
 * @param revokedAt           when the CA revoked it (the CRL revocationDate)
 * @param invalidityDate      when the key became unsafe, if the requester said
 * @param revokedBy           the audit id of who revoked it
 * @param certificateNotAfter expiry of the certificate, so CRLs can drop expired entries without a join
 */
public record RevocationRecord(SerialNumber serial, RevocationReason reason, Instant revokedAt,
        Optional<Instant> invalidityDate, String revokedBy, Optional<String> comment, Instant certificateNotAfter) {
    public RevocationRecord {
        Objects.requireNonNull(serial, "serial");
        Objects.requireNonNull(reason, "reason");
        revokedAt = revokedAt.truncatedTo(ChronoUnit.SECONDS);
        invalidityDate = invalidityDate.map(d -> d.truncatedTo(ChronoUnit.SECONDS));
        Objects.requireNonNull(revokedBy, "revokedBy");
        Objects.requireNonNull(comment, "comment");
        Objects.requireNonNull(certificateNotAfter, "certificateNotAfter");
    }

    public boolean onHold() {
        return reason == RevocationReason.CERTIFICATE_HOLD;
    }

    /** The CRL entry for this revocation. */
    public RevokedEntry toEntry() {
        return new RevokedEntry(serial, revokedAt, reason, invalidityDate);
    }
}
