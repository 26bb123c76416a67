package org.brevet.store;

import org.brevet.testkit.PostgresFixture;

/** The revocation and CRL store contract on PostgreSQL (embedded, failsafe). */
class PostgresRevocationStoreIT extends RevocationStoreContract {
    @Override
    DatabaseConfig freshDatabase() {
        PostgresFixture.Database database = PostgresFixture.shared().createDatabase();
        return DatabaseConfig.postgresql(database.jdbcUrl(), database.user(), database.password());
    }
}
