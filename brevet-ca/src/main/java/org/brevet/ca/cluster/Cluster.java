package org.brevet.ca.cluster;

import java.time.Clock;
import org.brevet.ca.api.AuditLog;
import org.brevet.ca.api.CrlDistribution;
import org.brevet.ca.api.store.CrlRepository;
import org.brevet.ca.auth.RoleGate;
import org.brevet.ca.crl.CrlService;

/**
 * Wires this node into the cluster: {@link #fence} wraps the CRL store before the CRL service is built on it,
 * then {@link #start} gives the member (heartbeat, lease, CRL master work) and the CRL distribution that
 * hands agents' requests to the master. A single node on H2 is a cluster of one: it always holds the lease.
 */
public final class Cluster {
    /** The name of the CRL master's lease. */
    public static final String CRL_MASTER = "crl-master";

    private final ClusterSettings settings;
    private final ClusterStores stores;
    private final LeaseTerm term;
    private final Clock clock;

    public Cluster(ClusterSettings settings, ClusterStores stores, Clock clock) {
        this.settings = settings;
        this.stores = stores;
        this.term = new LeaseTerm(settings.nodeId());
        this.clock = clock;
    }

    /** The CRL store that refuses numbers and writes once this node no longer holds the lease it started under. */
    public CrlRepository fence(CrlRepository crls) {
        return new FencedCrlRepository(crls, stores.leases(), term, clock);
    }

    /** The member and CRL distribution of this node, over the service built on {@link #fence}'s store. */
    public Node start(CrlService crls, AuditLog audit) {
        ClusterMember member = new ClusterMember(settings, stores, term, crls, clock);
        return new Node(member, new ClusteredCrlDistribution(crls, member, stores.requests(), new RoleGate(audit),
                settings, clock));
    }

    public ClusterSettings settings() {
        return settings;
    }

    /** This node's parts. */
    public record Node(ClusterMember member, CrlDistribution crls) {
    }
}
