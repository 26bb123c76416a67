package org.brevet.ca.api.store;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.brevet.ca.api.Lease;

/**
 * Leases shared by every node (the CRL master's). Each operation is one transaction under the lease row's
 * lock, so two nodes racing for an expired lease cannot both get it.
 */
public interface Leases {
    /**
     * Renews the lease if {@code holder} has it (same fencing token), takes it if it is free or expired (fencing
     * token + 1), and returns it; empty if another node holds it.
     */
    Optional<Lease> acquire(String name, String holder, Instant now, Duration ttl);

    /** Takes the lease whoever holds it (a hand-made promotion): fencing token + 1. */
    Lease seize(String name, String holder, Instant now, Duration ttl);

    /** Ends {@code holder}'s lease at {@code now}, so another node may take it; false if it did not hold it. */
    boolean release(String name, String holder, Instant now);

    Optional<Lease> current(String name);
}
