package org.brevet.tracker.state;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * certmonger's threshold rule ({@code cm_check_expiration_is_noteworthy}): an event fires when, between the
 * last check and now, the certificate's remaining lifetime crossed one of the TTLs downward, or the
 * certificate expired. Unlike certmonger (which ignores certificates younger than 30 minutes), a TTL longer
 * than a third of the certificate's lifetime is shortened to that third, so a one-hour certificate renews
 * 20 minutes before it expires instead of immediately or never.
 */
public record Thresholds(List<Duration> ttls) {

    /** certmonger's compiled-in list: 28d, 7d, 3d, 2d, 1d, 12h, 6h, 2h, 1h. */
    public static final List<Duration> CERTMONGER_DEFAULT = List.of(Duration.ofDays(28), Duration.ofDays(7),
            Duration.ofDays(3), Duration.ofDays(2), Duration.ofDays(1), Duration.ofHours(12), Duration.ofHours(6),
            Duration.ofHours(2), Duration.ofHours(1));

    public Thresholds {
        if (ttls.isEmpty()) {
            throw new IllegalArgumentException("at least one TTL is needed");
        }
        ttls = ttls.stream().sorted(Comparator.reverseOrder()).toList();
    }

    public static Thresholds certmongerDefault() {
        return new Thresholds(CERTMONGER_DEFAULT);
    }

    /** True when a threshold was crossed (or the certificate expired) in (lastCheck, now]. */
    public boolean crossed(CertFacts cert, Instant lastCheck, Instant now) {
        Instant last = lastCheck == null ? Instant.EPOCH : lastCheck;
        if (!now.isAfter(last)) {
            return false;
        }
        if (!now.isBefore(cert.notAfter()) && last.isBefore(cert.notAfter())) {
            return true;
        }
        for (Duration t : effective(cert)) {
            Instant point = cert.notAfter().minus(t);
            if (last.isBefore(point) && !now.isBefore(point)) {
                return true;
            }
        }
        return false;
    }

    /** The next instant after {@code now} at which a threshold (or expiry) is crossed, if any. */
    public Optional<Instant> nextCrossing(CertFacts cert, Instant now) {
        Optional<Instant> next = cert.notAfter().isAfter(now) ? Optional.of(cert.notAfter()) : Optional.empty();
        for (Duration t : effective(cert)) {
            Instant point = cert.notAfter().minus(t);
            if (point.isAfter(now) && (next.isEmpty() || point.isBefore(next.get()))) {
                next = Optional.of(point);
            }
        }
        return next;
    }

    private List<Duration> effective(CertFacts cert) {
        Duration third = Duration.between(cert.notBefore(), cert.notAfter()).dividedBy(3);
        return ttls.stream().map(t -> t.compareTo(third) > 0 ? third : t).distinct().toList();
    }
}
