package org.brevet.protocol.ocsp;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;
import org.brevet.pki.RevocationReason;

/** CertStatus (RFC 6960 §4.2.1): good, revoked (time and optional reason) or unknown. */
public sealed interface CertStatus {
    Good GOOD = new Good();
    Unknown UNKNOWN = new Unknown();

    record Good() implements CertStatus {
    }

    record Unknown() implements CertStatus {
    }

    record Revoked(Instant revokedAt, Optional<RevocationReason> reason) implements CertStatus {
        public Revoked {
            revokedAt = revokedAt.truncatedTo(ChronoUnit.SECONDS);
            Objects.requireNonNull(reason, "reason");
        }
    }

    static Revoked revoked(Instant at, RevocationReason reason) {
        return new Revoked(at, Optional.of(reason));
    }
}
