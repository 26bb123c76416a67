package org.brevet.store;

import org.brevet.testkit.PostgresFixture;

/** The cluster store contract on PostgreSQL (embedded, failsafe). */
class PostgresClusterStoreIT extends ClusterStoreContract {
    @Override
    DatabaseConfig freshDatabase() {
        PostgresFixture.Database database = PostgresFixture.shared().createDatabase();
        return DatabaseConfig.postgresql(database.jdbcUrl(), database.user(), database.password());
    }
}
