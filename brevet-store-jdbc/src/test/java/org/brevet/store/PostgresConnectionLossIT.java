package org.brevet.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;
import org.brevet.ca.api.ProfileRecord;
import org.brevet.pki.BrevetException;
import org.brevet.pki.ErrorKind;
import org.brevet.testkit.PostgresFixture;
import org.junit.jupiter.api.Test;

/** A store whose PostgreSQL server goes away answers UNAVAILABLE, within the pool's connection timeout. */
class PostgresConnectionLossIT {
    @Test
    void serverStopped_repositoriesAndHealthAreUnavailable() {
        JdbcStore store;
        try (PostgresFixture server = PostgresFixture.start()) {
            PostgresFixture.Database database = server.createDatabase();
            store = JdbcStore.open(DatabaseConfig.postgresql(database.jdbcUrl(), database.user(), database.password()));
            store.repositories().profiles().insert(new ProfileRecord("p", true, "x", Records.T0, Optional.empty()));
            store.repositories().health().check();
        }
        try (store) {
            long start = System.nanoTime();
            assertThatThrownBy(() -> store.repositories().profiles().list())
                    .isInstanceOfSatisfying(BrevetException.class, e -> {
                        assertThat(e.kind()).isEqualTo(ErrorKind.UNAVAILABLE);
                        assertThat(e.detail()).startsWith("database unavailable: ").doesNotContain("\\n");
                    });
            assertThatThrownBy(() -> store.repositories().health().check())
                    .isInstanceOfSatisfying(BrevetException.class,
                            e -> assertThat(e.kind()).isEqualTo(ErrorKind.UNAVAILABLE));
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(20));
        }
    }
}
