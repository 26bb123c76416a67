package org.brevet.ca.api.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.brevet.ca.api.ClusterNode;

/** The nodes of a CA cluster and their heartbeats. */
public interface ClusterNodes {
    /** Records the node as started (a known node keeps its standby flag). */
    void register(ClusterNode node);

    /** The node is alive at {@code now}. */
    void heartbeat(String id, Instant now);

    /** Marks the node as standby (never CRL master) or not; NOT_FOUND for an unknown node. */
    void setStandby(String id, boolean standby);

    Optional<ClusterNode> find(String id);

    /** Every node, by id. */
    List<ClusterNode> all();
}
