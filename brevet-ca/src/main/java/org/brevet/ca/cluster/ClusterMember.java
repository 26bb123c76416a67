package org.brevet.ca.cluster;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.brevet.ca.api.ClusterNode;
import org.brevet.ca.api.CrlInfo;
import org.brevet.ca.api.Lease;
import org.brevet.ca.api.store.ClusterNodes;
import org.brevet.ca.api.store.CrlUpdateRequests;
import org.brevet.ca.api.store.Leases;
import org.brevet.ca.crl.CrlService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This node's part in the cluster, one {@link #tick} per heartbeat: renew the heartbeat; unless demoted, renew
 * or take the CRL master lease; as master, generate the CRLs that are due and the ones other nodes asked for.
 * A node that takes the lease over from another generates a full CRL at once, so relying parties see the new
 * master within the lease time. Never sleeps; the scheduler calls it.
 */
public final class ClusterMember {
    private static final Logger LOG = LoggerFactory.getLogger(ClusterMember.class);

    private final ClusterSettings settings;
    private final Leases leases;
    private final ClusterNodes nodes;
    private final CrlUpdateRequests requests;
    private final LeaseTerm term;
    private final CrlService crls;
    private final Clock clock;

    ClusterMember(ClusterSettings settings, ClusterStores stores, LeaseTerm term, CrlService crls, Clock clock) {
        this.settings = settings;
        this.leases = stores.leases();
        this.nodes = stores.nodes();
        this.requests = stores.requests();
        this.term = term;
        this.crls = crls;
        this.clock = clock;
    }

    /** Records the node as started and, unless it was demoted, tries for the lease (no CRL work yet). */
    public void join() {
        Instant now = clock.instant();
        nodes.register(new ClusterNode(settings.nodeId(), settings.host(), settings.httpsPort(), settings.httpPort(),
                settings.version(), now, now, false));
        LOG.info("cluster - node {} joined", settings.nodeId());
        if (!isStandby()) {
            acquire(now);
        }
    }

    /** One heartbeat. Returns the CRL generated, if any. */
    public Optional<CrlInfo> tick() {
        Instant now = clock.instant();
        nodes.heartbeat(settings.nodeId(), now);
        if (isStandby()) {
            if (term.update(Optional.empty()).isPresent()) {
                leases.release(Cluster.CRL_MASTER, settings.nodeId(), now);
                LOG.info("cluster - node {} is standby: gave up the CRL master lease", settings.nodeId());
            }
            return Optional.empty();
        }
        Optional<Lease> before = term.current();
        Optional<Lease> lease = acquire(now);
        if (lease.isEmpty()) {
            return Optional.empty();
        }
        boolean newTerm = before.map(b -> b.fencingToken() != lease.get().fencingToken()).orElse(true);
        boolean takenOver = newTerm && lease.get().takenFrom().filter(p -> !p.equals(settings.nodeId())).isPresent();
        Optional<CrlInfo> generated = takenOver ? Optional.of(crls.updateNow()) : crls.updateIfDue();
        return serveRequests().or(() -> generated);
    }

    /** Leaves the lease at a clean stop, so that another node takes over at its next heartbeat. */
    public void leave() {
        if (term.update(Optional.empty()).isPresent()
                && leases.release(Cluster.CRL_MASTER, settings.nodeId(), clock.instant())) {
            LOG.info("cluster - node {} released the CRL master lease", settings.nodeId());
        }
    }

    /** Whether this node is the CRL master now, as of its last heartbeat. */
    public boolean isMaster() {
        return term.isMaster(clock.instant());
    }

    private Optional<Lease> acquire(Instant now) {
        Optional<Lease> lease = leases.acquire(Cluster.CRL_MASTER, settings.nodeId(), now, settings.lease());
        Optional<Lease> before = term.update(lease);
        boolean newTerm = lease.isPresent() && before.map(b -> b.fencingToken() != lease.get().fencingToken()).orElse(true);
        if (newTerm) {
            LOG.info("cluster - node {} is the CRL master (term {}{})", settings.nodeId(), lease.get().fencingToken(),
                    lease.get().takenFrom().map(p -> ", taken over from " + p).orElse(""));
        } else if (lease.isEmpty() && before.isPresent()) {
            LOG.warn("cluster - node {} lost the CRL master lease (term {})", settings.nodeId(), before.get().fencingToken());
        }
        return lease;
    }

    private Optional<CrlInfo> serveRequests() {
        List<Long> pending = requests.pending(crls.issuingPoint());
        if (pending.isEmpty()) {
            return Optional.empty();
        }
        CrlInfo crl = crls.updateNow();
        requests.complete(pending, crl.number(), clock.instant());
        LOG.info("cluster - CRL {} generated for {} request(s) of other nodes", crl.number(), pending.size());
        return Optional.of(crl);
    }

    private boolean isStandby() {
        return nodes.find(settings.nodeId()).map(ClusterNode::standby).orElse(false);
    }
}
