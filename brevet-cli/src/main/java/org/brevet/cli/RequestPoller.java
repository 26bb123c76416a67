package org.brevet.cli;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Polls a pending request until an agent decides or the time runs out. The first poll comes after one
 * second; the interval doubles up to {@link #MAX_INTERVAL}; the last pause ends at the deadline, so a
 * decision made before then is seen.
 */
final class RequestPoller {
    static final Duration FIRST_INTERVAL = Duration.ofSeconds(1);
    static final Duration MAX_INTERVAL = Duration.ofSeconds(8);

    private final CaClient client;
    private final Clock clock;
    private final Pause pause;

    RequestPoller(CaClient client, Clock clock, Pause pause) {
        this.client = client;
        this.clock = clock;
        this.pause = pause;
    }

    /** The request once it is no longer pending, or as it last was when {@code limit} has passed. */
    CertRequestInfo await(CertRequestInfo submitted, Duration limit) {
        Instant deadline = clock.instant().plus(limit);
        Duration interval = FIRST_INTERVAL;
        CertRequestInfo current = submitted;
        while (current.isPending()) {
            Duration left = Duration.between(clock.instant(), deadline);
            if (left.isNegative() || left.isZero()) {
                return current;
            }
            try {
                pause.pause(interval.compareTo(left) < 0 ? interval : left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return current;
            }
            current = client.request(current.requestId());
            interval = interval.multipliedBy(2).compareTo(MAX_INTERVAL) < 0 ? interval.multipliedBy(2) : MAX_INTERVAL;
        }
        return current;
    }
}
