package org.brevet.ca.api;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A certificate search. Every criterion is optional; all given ones must match.
 *
 * @param subjectContains case-insensitive substring of the subject DN
 * @param status          status at {@code now}
 * @param expiresBefore   notAfter strictly before this instant
 * @param now             the instant that decides VALID versus EXPIRED
 */
public record CertificateQuery(
        Optional<String> subjectContains,
        Optional<CertificateStatus> status,
        Optional<Instant> expiresBefore,
        Instant now,
        PageRequest page) {

    public CertificateQuery {
        Objects.requireNonNull(subjectContains, "subjectContains");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(expiresBefore, "expiresBefore");
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(page, "page");
    }
}
