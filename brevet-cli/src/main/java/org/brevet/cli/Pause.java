package org.brevet.cli;

import java.time.Duration;

/** Waiting between polls; injected so that tests move a clock instead of sleeping. */
@FunctionalInterface
interface Pause {
    void pause(Duration duration) throws InterruptedException;

    static Pause sleeping() {
        return d -> Thread.sleep(d.toMillis());
    }
}
