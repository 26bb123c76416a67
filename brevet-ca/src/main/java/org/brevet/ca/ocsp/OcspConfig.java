package org.brevet.ca.ocsp;

import java.time.Duration;
import java.util.Objects;

/**
 * How the responder answers.
 *
 * @param validity     nextUpdate = thisUpdate + validity; a cached response is re-signed once half of it has
 *                     passed, so nextUpdate is never in the past
 * @param nonces       echo the request's nonce (signing a fresh response); false ignores nonces so that
 *                     every answer can come from the cache, as large CAs do
 * @param cacheEntries at most this many pre-signed responses are kept
 */
public record OcspConfig(Duration validity, boolean nonces, int cacheEntries) {
    public OcspConfig {
        Objects.requireNonNull(validity, "validity");
        if (validity.compareTo(Duration.ofMinutes(2)) < 0) {
            throw new IllegalArgumentException("OCSP response validity must be at least 2 minutes");
        }
        if (cacheEntries < 0) {
            throw new IllegalArgumentException("OCSP cacheEntries cannot be negative");
        }
    }

    /** Responses valid for 4 hours, nonces echoed, up to 100,000 cached responses. */
    public static OcspConfig defaults() {
        return new OcspConfig(Duration.ofHours(4), true, 100_000);
    }

    public OcspConfig withNonces(boolean echo) {
        return new OcspConfig(validity, echo, cacheEntries);
    }

    public OcspConfig withValidity(Duration newValidity) {
        return new OcspConfig(newValidity, nonces, cacheEntries);
    }
}
