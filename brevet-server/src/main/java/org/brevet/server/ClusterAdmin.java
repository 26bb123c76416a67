package org.brevet.server;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.brevet.ca.api.ClusterNode;
import org.brevet.ca.api.CrlInfo;
import org.brevet.ca.api.Lease;
import org.brevet.ca.cluster.Cluster;
import org.brevet.ca.crl.CrlConfig;
import org.brevet.pki.BrevetException;
import org.brevet.pki.ErrorKind;
import org.brevet.server.config.BrevetConfig;
import org.brevet.server.config.ConfigFile;
import org.brevet.store.JdbcStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code brevet ca status / promote / demote}: the cluster as the shared database sees it, and moving the CRL
 * master role by hand (seed 004 §9.5), with nothing to edit in any node's configuration. Works on the
 * instance's own database, whether or not its server is running.
 */
public final class ClusterAdmin {
    private static final Logger LOG = LoggerFactory.getLogger(ClusterAdmin.class);

    /** A node's role: the lease holder, a clone ready to take over, or demoted. */
    public enum NodeRole { MASTER, CLONE, STANDBY }

    /** One line of {@code ca status}. */
    public record NodeStatus(ClusterNode node, NodeRole role, Duration sinceHeartbeat, boolean alive) {
    }

    /** The whole picture. */
    public record Status(List<NodeStatus> nodes, Optional<Lease> lease, Optional<CrlInfo> crl) {
    }

    private final Clock clock;

    public ClusterAdmin(Clock clock) {
        this.clock = clock;
    }

    public Status status(InstanceLayout instance) {
        BrevetConfig config = config(instance);
        try (JdbcStore store = JdbcStore.open(CaRuntime.databaseConfig(instance, config))) {
            Instant now = clock.instant();
            Duration lease = Duration.ofSeconds(config.cluster().leaseSeconds());
            Optional<Lease> current = store.leases().current(Cluster.CRL_MASTER);
            List<NodeStatus> nodes = store.clusterNodes().all().stream().map(n -> {
                NodeRole role = n.standby() ? NodeRole.STANDBY
                        : current.filter(l -> l.isHeldBy(n.id(), now)).isPresent() ? NodeRole.MASTER : NodeRole.CLONE;
                Duration since = Duration.between(n.heartbeatAt(), now);
                return new NodeStatus(n, role, since, since.compareTo(lease) < 0);
            }).toList();
            return new Status(nodes, current, store.crls().latest(CrlConfig.MASTER_CRL, CrlInfo.Kind.FULL));
        }
    }

    /** Makes this instance's node the CRL master now; the running server starts acting as such at its next heartbeat. */
    public Lease promote(InstanceLayout instance) {
        BrevetConfig config = config(instance);
        String node = ClusterNodeSettings.nodeId(config);
        try (JdbcStore store = JdbcStore.open(CaRuntime.databaseConfig(instance, config))) {
            store.clusterNodes().setStandby(node, false);
            Lease lease = store.leases().seize(Cluster.CRL_MASTER, node, clock.instant(),
                    Duration.ofSeconds(config.cluster().leaseSeconds()));
            LOG.info("cluster - node {} promoted to CRL master (term {})", node, lease.fencingToken());
            return lease;
        }
    }

    /** Makes this instance's node a standby that never takes the lease; another node takes it at its next heartbeat. */
    public String demote(InstanceLayout instance) {
        BrevetConfig config = config(instance);
        String node = ClusterNodeSettings.nodeId(config);
        try (JdbcStore store = JdbcStore.open(CaRuntime.databaseConfig(instance, config))) {
            store.clusterNodes().setStandby(node, true);
            store.leases().release(Cluster.CRL_MASTER, node, clock.instant());
            LOG.info("cluster - node {} demoted to standby", node);
            return node;
        }
    }

    private static BrevetConfig config(InstanceLayout instance) {
        if (!instance.isInstalled()) {
            throw new BrevetException(ErrorKind.NOT_FOUND, "no instance at " + instance.root());
        }
        return ConfigFile.read(instance.configFile(), instance.root());
    }
}
