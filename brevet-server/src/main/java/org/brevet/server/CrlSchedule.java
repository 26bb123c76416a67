package org.brevet.server;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.brevet.ca.crl.CrlService;
import org.brevet.pki.BrevetException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the MasterCRL schedule: at start (so that a CRL exists as soon as the server serves) and then every
 * minute, {@link CrlService#updateIfDue} generates a full or delta CRL when one is due. A failed run is
 * logged and retried on the next tick. Every node runs it; CRL numbers come from the database, so two
 * nodes generating at the same moment only cost a redundant CRL.
 */
final class CrlSchedule implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CrlSchedule.class);
    private static final long TICK_SECONDS = 60;

    private final ScheduledExecutorService timer;

    private CrlSchedule(ScheduledExecutorService timer) {
        this.timer = timer;
    }

    static CrlSchedule start(CrlService crls) {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "crl-schedule");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(() -> run(crls), 0, TICK_SECONDS, TimeUnit.SECONDS);
        return new CrlSchedule(timer);
    }

    private static void run(CrlService crls) {
        try {
            crls.updateIfDue();
        } catch (BrevetException e) {
            LOG.warn("CRL generation failed ({}), retrying in {} s: {}", e.kind(), TICK_SECONDS, e.detail());
        } catch (RuntimeException e) {
            LOG.error("CRL generation failed, retrying in {} s", TICK_SECONDS, e);
        }
    }

    /** Stops the schedule, letting a generation in progress finish (up to 30 s). */
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
    }
}
