package org.brevet.ca.api.store;

/** Readiness of the store, for {@code GET /health} and start-up checks. */
public interface StoreHealth {
    /** Returns normally when the database answers; throws {@code BrevetException(UNAVAILABLE)} with the reason otherwise. */
    void check();
}
