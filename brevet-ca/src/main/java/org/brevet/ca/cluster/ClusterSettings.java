package org.brevet.ca.cluster;

import java.time.Duration;
import java.util.Objects;

/**
 * This node and the timing of the cluster.
 *
 * @param nodeId       stable id of this node in the shared database
 * @param host         the host name clients use for it
 * @param version      the Brevet version it runs
 * @param lease        how long the CRL master lease lasts without renewal (the failover time)
 * @param heartbeat    how often the node renews its heartbeat and the lease (well under {@code lease})
 * @param crlWait      how long a CRL request made on another node waits for the master to carry it out
 */
public record ClusterSettings(String nodeId, String host, int httpsPort, int httpPort, String version, Duration lease,
        Duration heartbeat, Duration crlWait) {
    public ClusterSettings {
        Objects.requireNonNull(nodeId, "nodeId");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(lease, "lease");
        Objects.requireNonNull(heartbeat, "heartbeat");
        Objects.requireNonNull(crlWait, "crlWait");
        if (heartbeat.multipliedBy(2).compareTo(lease) > 0) {
            throw new IllegalArgumentException("the heartbeat must be at most half the lease");
        }
    }
}
