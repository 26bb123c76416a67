package org.brevet.kra;

import java.util.Objects;
import org.brevet.ca.api.store.KeyRecoveryRepository;
import org.brevet.ca.api.store.KeyRepository;

/** The KRA's repositories (JdbcStore.keys() and keyRecoveries() in the server). */
public record KraStores(KeyRepository keys, KeyRecoveryRepository recoveries) {
    public KraStores {
        Objects.requireNonNull(keys, "keys");
        Objects.requireNonNull(recoveries, "recoveries");
    }
}
