package org.brevet.tracker.state;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Bounded exponential back-off for CA contacts that did not succeed (unreachable, waiting without a given
 * delay, unconfigured, unknown CA): {@code base * 2^(attempt-1)}, at most {@code cap}; and never later than
 * half of the current certificate's remaining life (at least {@code base}), so a certificate about to expire
 * is retried more often. certmonger waits seven days in these cases (reference §9 E2).
 */
public record Backoff(Duration base, Duration cap) {

    public Backoff {
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(cap, "cap");
        if (base.isNegative() || base.isZero() || cap.compareTo(base) < 0) {
            throw new IllegalArgumentException("need 0 < base <= cap");
        }
    }

    public static Backoff standard() {
        return new Backoff(Duration.ofMinutes(1), Duration.ofHours(1));
    }

    /** When to try again after the {@code attempt}-th failure in a row (1 = first failure). */
    public Instant next(int attempt, Instant now, CertFacts current) {
        Duration d = base;
        for (int i = 1; i < attempt && d.compareTo(cap) < 0; i++) {
            d = d.multipliedBy(2);
        }
        if (d.compareTo(cap) > 0) {
            d = cap;
        }
        if (current != null && current.notAfter().isAfter(now)) {
            Duration half = Duration.between(now, current.notAfter()).dividedBy(2);
            if (half.compareTo(d) < 0) {
                d = half.compareTo(base) < 0 ? base : half;
            }
        }
        return now.plus(d);
    }
}
