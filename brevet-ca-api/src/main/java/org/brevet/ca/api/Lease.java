package org.brevet.ca.api;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A named lease in the shared database (the CRL master's is {@code crl-master}): one holder until it expires.
 * Every time the lease changes hands (or is taken again after it expired) the fencing token grows by one, so
 * work done under an old term can be recognised and refused.
 *
 * @param holder       the node id holding it
 * @param expiresAt    the holder must renew before this instant, else any node may take it
 * @param fencingToken the term: incremented at each acquisition, never at a renewal
 * @param takenFrom    the holder before this term, if there was one
 */
public record Lease(String name, String holder, Instant expiresAt, long fencingToken, Optional<String> takenFrom) {
    public Lease {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(holder, "holder");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(takenFrom, "takenFrom");
    }

    /** Whether {@code node} holds this lease at {@code now}. */
    public boolean isHeldBy(String node, Instant now) {
        return holder.equals(node) && now.isBefore(expiresAt);
    }
}
