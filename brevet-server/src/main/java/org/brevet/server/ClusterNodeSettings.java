package org.brevet.server;

import java.time.Duration;
import org.brevet.ca.cluster.ClusterSettings;
import org.brevet.server.config.BrevetConfig;

/** This node's cluster settings from brevet.conf: its id, where clients reach it, and the lease timing. */
final class ClusterNodeSettings {
    private ClusterNodeSettings() {
    }

    static ClusterSettings of(BrevetConfig config) {
        BrevetConfig.Server s = config.server();
        BrevetConfig.Cluster c = config.cluster();
        Duration lease = Duration.ofSeconds(c.leaseSeconds());
        return new ClusterSettings(nodeId(config), s.primaryHostname(), s.httpsPort(), s.httpPort(), version(), lease,
                Duration.ofSeconds(c.heartbeatSeconds()), lease.multipliedBy(2).plusSeconds(60));
    }

    /** {@code cluster.node}, or {@code <first host name>:<https port>}. */
    static String nodeId(BrevetConfig config) {
        return config.cluster().nodeId().orElse(config.server().primaryHostname() + ":" + config.server().httpsPort());
    }

    static String version() {
        String v = ClusterNodeSettings.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }
}
