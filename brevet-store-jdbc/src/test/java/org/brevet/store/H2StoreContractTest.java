package org.brevet.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.io.TempDir;

/** The store contract on the embedded H2 database, in a fresh temporary data directory per test. */
class H2StoreContractTest extends StoreContract {
    @TempDir
    Path dataDir;

    @Override
    DatabaseConfig freshDatabase() {
        return DatabaseConfig.h2(dataDir);
    }

    @Override
    void execute(DatabaseConfig database, String sql) {
        // same URL in the same JVM: H2 shares the open database with the store
        try (Connection c = DriverManager.getConnection(database.jdbcUrl(), database.user(),
                database.password().reveal()); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
