package org.brevet.store;

import org.brevet.testkit.PostgresFixture;

/** kill -9 durability of the server process on PostgreSQL (the database server itself keeps running). */
class PostgresCrashDurabilityIT extends CrashDurabilityContract {
    @Override
    DatabaseConfig database() {
        PostgresFixture.Database database = PostgresFixture.shared().createDatabase();
        return DatabaseConfig.postgresql(database.jdbcUrl(), database.user(), database.password());
    }
}
