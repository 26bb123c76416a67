package org.brevet.store;

import org.brevet.ca.api.store.StoreHealth;
import org.brevet.pki.BrevetException;
import org.brevet.pki.ErrorKind;

/** Readiness: a pooled connection that answers a validity check within a few seconds. */
final class JdbcStoreHealth implements StoreHealth {
    private static final int VALIDATION_TIMEOUT_SECONDS = 3;

    private final Jdbc jdbc;

    JdbcStoreHealth(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void check() {
        boolean valid = jdbc.read(c -> c.isValid(VALIDATION_TIMEOUT_SECONDS));
        if (!valid) {
            throw new BrevetException(ErrorKind.UNAVAILABLE, "database unavailable: connection check failed");
        }
    }
}
