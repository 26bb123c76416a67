package org.brevet.store;

import org.brevet.testkit.PostgresFixture;

/** The SCEP store contract on PostgreSQL (embedded, failsafe). */
class PostgresScepStoreIT extends ScepStoreContract {
    @Override
    DatabaseConfig freshDatabase() {
        PostgresFixture.Database database = PostgresFixture.shared().createDatabase();
        return DatabaseConfig.postgresql(database.jdbcUrl(), database.user(), database.password());
    }
}
