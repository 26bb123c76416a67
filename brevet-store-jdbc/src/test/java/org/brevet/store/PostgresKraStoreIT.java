package org.brevet.store;

import org.brevet.testkit.PostgresFixture;

/** The KRA store contract on PostgreSQL (embedded, failsafe). */
class PostgresKraStoreIT extends KraStoreContract {
    @Override
    DatabaseConfig freshDatabase() {
        PostgresFixture.Database database = PostgresFixture.shared().createDatabase();
        return DatabaseConfig.postgresql(database.jdbcUrl(), database.user(), database.password());
    }
}
