package org.brevet.ca.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;
import org.brevet.ca.api.ProfileRecord;
import org.brevet.ca.testing.Harness;
import org.brevet.ca.testing.InMemoryStore;
import org.junit.jupiter.api.Test;

class ProfileCatalogTest {
    private final InMemoryStore store = new InMemoryStore();
    private final ProfileCatalog catalog = new ProfileCatalog(store.repositories().profiles(), new ProfileParser());
    private final Instant t0 = Instant.parse("2026-11-23T20:00:00Z");

    @Test
    void unchangedRecord_reusesTheCompiledProfile_aChangedOneIsRecompiled() {
        store.profiles.put("autoServer", new ProfileRecord("autoServer", true, Harness.AUTO_PROFILE, t0, Optional.empty()));
        Profile first = catalog.enabled("autoServer");

        assertThat(catalog.enabled("autoServer")).isSameAs(first);

        store.profiles.put("autoServer", new ProfileRecord("autoServer", true,
                Harness.AUTO_PROFILE.replace("validityDays: 90", "validityDays: 10"), t0.plusSeconds(1), Optional.empty()));
        Profile second = catalog.enabled("autoServer");
        assertThat(second).isNotSameAs(first);
        assertThat(second.definition().defaults().validityDays()).isEqualTo(10);
    }
}
