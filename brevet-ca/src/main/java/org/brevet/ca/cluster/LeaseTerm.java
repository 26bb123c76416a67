package org.brevet.ca.cluster;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.brevet.ca.api.Lease;

/** The CRL master lease as this node last saw it: shared by the member's tick and the fenced CRL store. */
final class LeaseTerm {
    private final String nodeId;
    private final AtomicReference<Optional<Lease>> lease = new AtomicReference<>(Optional.empty());

    LeaseTerm(String nodeId) {
        this.nodeId = nodeId;
    }

    String nodeId() {
        return nodeId;
    }

    /** Records the outcome of an acquisition; returns the lease held before. */
    Optional<Lease> update(Optional<Lease> now) {
        return lease.getAndSet(now.filter(l -> l.holder().equals(nodeId)));
    }

    Optional<Lease> current() {
        return lease.get();
    }

    boolean isMaster(Instant now) {
        return lease.get().filter(l -> l.isHeldBy(nodeId, now)).isPresent();
    }
}
