package org.brevet.ca.api;

import java.math.BigInteger;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What is known of one generated CRL besides its bytes.
 *
 * @param issuingPoint  {@code MasterCRL}
 * @param number        its cRLNumber
 * @param baseNumber    for a delta CRL, the number of the full CRL it extends
 * @param entries       revoked entries listed
 * @param length        size of the DER in bytes
 */
public record CrlInfo(String issuingPoint, Kind kind, BigInteger number, Optional<BigInteger> baseNumber,
        Instant thisUpdate, Instant nextUpdate, long entries, long length) {
    public enum Kind { FULL, DELTA }

    public CrlInfo {
        Objects.requireNonNull(issuingPoint, "issuingPoint");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(baseNumber, "baseNumber");
        Objects.requireNonNull(thisUpdate, "thisUpdate");
        Objects.requireNonNull(nextUpdate, "nextUpdate");
        if (kind == Kind.DELTA && baseNumber.isEmpty()) {
            throw new IllegalArgumentException("a delta CRL needs its base CRL number");
        }
    }
}
