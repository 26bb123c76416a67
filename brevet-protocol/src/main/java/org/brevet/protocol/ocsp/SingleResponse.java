package org.brevet.protocol.ocsp;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/** One SingleResponse (RFC 6960 §4.2.1): the status of one CertID, valid from thisUpdate until nextUpdate. */
public record SingleResponse(CertId certId, CertStatus status, Instant thisUpdate, Instant nextUpdate) {
    public SingleResponse {
        Objects.requireNonNull(certId, "certId");
        Objects.requireNonNull(status, "status");
        thisUpdate = thisUpdate.truncatedTo(ChronoUnit.SECONDS);
        nextUpdate = nextUpdate.truncatedTo(ChronoUnit.SECONDS);
        if (!nextUpdate.isAfter(thisUpdate)) {
            throw new IllegalArgumentException("nextUpdate must be after thisUpdate");
        }
    }
}
