package org.brevet.pki;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;

/** One revokedCertificates entry of a CRL (RFC 5280 §5.1.2.6, §5.3). */
public record RevokedEntry(SerialNumber serial, Instant revokedAt, RevocationReason reason, Optional<Instant> invalidityDate) {
    public RevokedEntry {
        Objects.requireNonNull(serial, "serial");
        revokedAt = revokedAt.truncatedTo(ChronoUnit.SECONDS);
        Objects.requireNonNull(reason, "reason");
        invalidityDate = invalidityDate.map(d -> d.truncatedTo(ChronoUnit.SECONDS));
    }

    public static RevokedEntry of(SerialNumber serial, Instant revokedAt, RevocationReason reason) {
        return new RevokedEntry(serial, revokedAt, reason, Optional.empty());
    }
}
