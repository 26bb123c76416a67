package org.brevet.ca.api;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.brevet.pki.RevocationReason;
import org.brevet.pki.SerialNumber;

/**
 * A request to revoke (or, with {@link RevocationReason#CERTIFICATE_HOLD}, to hold) a certificate.
 *
 * @param invalidityDate when the key is known or suspected to have been compromised (RFC 5280 §5.3.2)
 * @param comment        free text for the audit trail and the record
 */
public record RevocationRequest(SerialNumber serial, RevocationReason reason, Optional<Instant> invalidityDate,
        Optional<String> comment) {
    public RevocationRequest {
        Objects.requireNonNull(serial, "serial");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(invalidityDate, "invalidityDate");
        comment = Objects.requireNonNull(comment, "comment").map(String::strip).filter(c -> !c.isEmpty());
    }

    public static RevocationRequest of(SerialNumber serial, RevocationReason reason) {
        return new RevocationRequest(serial, reason, Optional.empty(), Optional.empty());
    }
}
