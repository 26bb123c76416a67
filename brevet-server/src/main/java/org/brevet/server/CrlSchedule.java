package org.brevet.server;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.brevet.ca.cluster.ClusterMember;
import org.brevet.pki.BrevetException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs this node's cluster heartbeat: {@link ClusterMember#join} at start, then {@link ClusterMember#tick} at
 * once and every heartbeat. The tick renews the heartbeat and the CRL master lease; on the master it
 * generates the MasterCRL when due and the CRLs other nodes asked for. A failed tick (database away) is
 * logged and retried on the next one. At a clean stop the node gives up the lease.
 */
final class CrlSchedule implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CrlSchedule.class);

    private final ScheduledExecutorService timer;
    private final ClusterMember member;

    private CrlSchedule(ScheduledExecutorService timer, ClusterMember member) {
        this.timer = timer;
        this.member = member;
    }

    static CrlSchedule start(ClusterMember member, Duration heartbeat) {
        member.join();
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "crl-schedule");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(() -> run(member, heartbeat), 0, heartbeat.toMillis(), TimeUnit.MILLISECONDS);
        return new CrlSchedule(timer, member);
    }

    private static void run(ClusterMember member, Duration heartbeat) {
        try {
            member.tick();
        } catch (BrevetException e) {
            LOG.warn("cluster heartbeat or CRL generation failed ({}), retrying in {} s: {}", e.kind(),
                    heartbeat.toSeconds(), e.detail());
        } catch (RuntimeException e) {
            LOG.error("cluster heartbeat or CRL generation failed, retrying in {} s", heartbeat.toSeconds(), e);
        }
    }

    /** Stops the schedule, letting a generation in progress finish (up to 30 s), then gives up the lease. */
    @Override
    public void close() {
        timer.shutdown();
        try {
            if (!timer.awaitTermination(30, TimeUnit.SECONDS)) {
                timer.shutdownNow();
            }
        } catch (InterruptedException e) {
            timer.shutdownNow();
            Thread.currentThread().interrupt();
        }
        try {
            member.leave();
        } catch (BrevetException e) {
            LOG.warn("could not release the CRL master lease ({}): another node takes it when it expires", e.detail());
        }
    }
}
