package org.brevet.ca.cluster;

import java.util.Objects;
import org.brevet.ca.api.store.ClusterNodes;
import org.brevet.ca.api.store.CrlUpdateRequests;
import org.brevet.ca.api.store.Leases;

/** The shared tables a cluster works through. */
public record ClusterStores(Leases leases, ClusterNodes nodes, CrlUpdateRequests requests) {
    public ClusterStores {
        Objects.requireNonNull(leases, "leases");
        Objects.requireNonNull(nodes, "nodes");
        Objects.requireNonNull(requests, "requests");
    }
}
