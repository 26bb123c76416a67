package org.brevet.kra;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Objects;

/**
 * The KRA's settings and sources of time and randomness.
 *
 * @param requiredApprovals how many distinct agents must approve a recovery (brevet.conf
 *                          {@code kra.recovery.approvals}; Dogtag's kra.noOfRequiredRecoveryAgents, default 1)
 */
public record KraSettings(int requiredApprovals, Clock clock, SecureRandom random) {
    public static final int DEFAULT_APPROVALS = 1;

    public KraSettings {
        if (requiredApprovals < 1) {
            throw new IllegalArgumentException("requiredApprovals must be at least 1");
        }
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(random, "random");
    }
}
