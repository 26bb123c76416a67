package org.brevet.ca.api;

import java.time.Instant;
import java.util.Objects;

/**
 * One node of a CA cluster as the shared database knows it.
 *
 * @param id          stable node id ({@code cluster.node}, by default {@code host:httpsPort})
 * @param version     the Brevet version it runs
 * @param heartbeatAt when it last said it is alive
 * @param standby     demoted by hand: it never takes the CRL master lease
 */
public record ClusterNode(String id, String host, int httpsPort, int httpPort, String version, Instant startedAt,
        Instant heartbeatAt, boolean standby) {
    public ClusterNode {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(heartbeatAt, "heartbeatAt");
    }
}
