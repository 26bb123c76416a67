package org.brevet.ca.cluster;

import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.brevet.ca.api.ClusterNode;
import org.brevet.ca.api.Lease;
import org.brevet.ca.api.store.ClusterNodes;
import org.brevet.ca.api.store.CrlUpdateRequests;
import org.brevet.ca.api.store.Leases;
import org.brevet.pki.BrevetException;

/** The cluster tables in memory, with the JDBC store's rules (ClusterStoreContract pins those on both databases). */
final class InMemoryClusterStores implements Leases, ClusterNodes, CrlUpdateRequests {
    private final Map<String, Lease> leases = new LinkedHashMap<>();
    private final TreeMap<String, ClusterNode> nodes = new TreeMap<>();
    private final TreeMap<Long, Optional<BigInteger>> requests = new TreeMap<>();

    ClusterStores stores() {
        return new ClusterStores(this, this, this);
    }

    @Override
    public synchronized Optional<Lease> acquire(String name, String holder, Instant now, Duration ttl) {
        Lease current = leases.get(name);
        if (current == null) {
            return Optional.of(put(new Lease(name, holder, now.plus(ttl), 1, Optional.empty())));
        }
        if (current.isHeldBy(holder, now)) {
            return Optional.of(put(new Lease(name, holder, now.plus(ttl), current.fencingToken(), current.takenFrom())));
        }
        if (!now.isBefore(current.expiresAt())) {
            return Optional.of(put(new Lease(name, holder, now.plus(ttl), current.fencingToken() + 1,
                    Optional.of(current.holder()))));
        }
        return Optional.empty();
    }

    @Override
    public synchronized Lease seize(String name, String holder, Instant now, Duration ttl) {
        Lease current = leases.get(name);
        return put(current == null ? new Lease(name, holder, now.plus(ttl), 1, Optional.empty())
                : new Lease(name, holder, now.plus(ttl), current.fencingToken() + 1, Optional.of(current.holder())));
    }

    @Override
    public synchronized boolean release(String name, String holder, Instant now) {
        Lease current = leases.get(name);
        if (current == null || !current.isHeldBy(holder, now)) {
            return false;
        }
        put(new Lease(name, holder, now, current.fencingToken(), current.takenFrom()));
        return true;
    }

    @Override
    public synchronized Optional<Lease> current(String name) {
        return Optional.ofNullable(leases.get(name));
    }

    private Lease put(Lease lease) {
        leases.put(lease.name(), lease);
        return lease;
    }

    @Override
    public synchronized void register(ClusterNode node) {
        ClusterNode known = nodes.get(node.id());
        nodes.put(node.id(), known == null ? node : new ClusterNode(node.id(), node.host(), node.httpsPort(),
                node.httpPort(), node.version(), node.startedAt(), node.heartbeatAt(), known.standby()));
    }

    @Override
    public synchronized void heartbeat(String id, Instant now) {
        ClusterNode n = nodes.get(id);
        if (n != null) {
            nodes.put(id, new ClusterNode(id, n.host(), n.httpsPort(), n.httpPort(), n.version(), n.startedAt(), now,
                    n.standby()));
        }
    }

    @Override
    public synchronized void setStandby(String id, boolean standby) {
        ClusterNode n = nodes.get(id);
        if (n == null) {
            throw BrevetException.notFound("no node '" + id + "'");
        }
        nodes.put(id, new ClusterNode(id, n.host(), n.httpsPort(), n.httpPort(), n.version(), n.startedAt(),
                n.heartbeatAt(), standby));
    }

    @Override
    public synchronized Optional<ClusterNode> find(String id) {
        return Optional.ofNullable(nodes.get(id));
    }

    @Override
    public synchronized List<ClusterNode> all() {
        return List.copyOf(nodes.values());
    }

    @Override
    public synchronized long request(String issuingPoint, String requestedBy, Instant now) {
        long id = requests.isEmpty() ? 1 : requests.lastKey() + 1;
        requests.put(id, Optional.empty());
        return id;
    }

    @Override
    public synchronized List<Long> pending(String issuingPoint) {
        List<Long> ids = new ArrayList<>();
        requests.forEach((id, done) -> {
            if (done.isEmpty()) {
                ids.add(id);
            }
        });
        return ids;
    }

    @Override
    public synchronized void complete(List<Long> ids, BigInteger crlNumber, Instant now) {
        ids.forEach(id -> requests.put(id, Optional.of(crlNumber)));
    }

    @Override
    public synchronized Optional<BigInteger> result(long id) {
        return requests.getOrDefault(id, Optional.empty());
    }
}
