package org.brevet.store;

import org.brevet.testkit.PostgresFixture;

/** The store contract on a real PostgreSQL server, a fresh database per test. */
class PostgresStoreContractIT extends StoreContract {
    private PostgresFixture.Database database;

    @Override
    DatabaseConfig freshDatabase() {
        database = PostgresFixture.shared().createDatabase();
        return DatabaseConfig.postgresql(database.jdbcUrl(), database.user(), database.password());
    }

    @Override
    void execute(DatabaseConfig config, String sql) {
        PostgresFixture.shared().execute(database, sql);
    }
}
