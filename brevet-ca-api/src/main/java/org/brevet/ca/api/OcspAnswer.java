package org.brevet.ca.api;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.brevet.pki.Der;

/**
 * An OCSP response and, when HTTP caches may keep it (RFC 5019 §6: a successful answer for one certificate,
 * without a nonce), how long.
 *
 * @param response  the DER OCSPResponse
 * @param freshness present for a cacheable answer
 */
public record OcspAnswer(Der response, Optional<Freshness> freshness) {
    public OcspAnswer {
        Objects.requireNonNull(response, "response");
        Objects.requireNonNull(freshness, "freshness");
    }

    public static OcspAnswer uncacheable(Der response) {
        return new OcspAnswer(response, Optional.empty());
    }

    /**
     * @param producedAt when the response was signed (HTTP Last-Modified)
     * @param freshUntil until when the responder itself serves this same response (HTTP Expires and max-age);
     *                   never after the response's nextUpdate
     */
    public record Freshness(Instant producedAt, Instant freshUntil) {
        public Freshness {
            Objects.requireNonNull(producedAt, "producedAt");
            Objects.requireNonNull(freshUntil, "freshUntil");
            if (freshUntil.isBefore(producedAt)) {
                throw new IllegalArgumentException("freshUntil before producedAt");
            }
        }
    }
}
