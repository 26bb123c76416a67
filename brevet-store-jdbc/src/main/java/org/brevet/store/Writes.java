package org.brevet.store;

import java.sql.SQLException;

/**
 * How write transactions reach the database. Each unit of work runs in a transaction that is committed
 * (durably, see {@link DatabaseConfig#H2_SETTINGS}) before {@link #run} returns, or rolled back and its
 * failure rethrown.
 */
interface Writes extends AutoCloseable {
    <T> T run(Jdbc.Work<T> work) throws SQLException;

    /** Waits for writes in progress; later calls fail with UNAVAILABLE. */
    @Override
    void close();
}
