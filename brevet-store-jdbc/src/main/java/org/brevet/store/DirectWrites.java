package org.brevet.store;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * One transaction per unit of work, on a pooled connection of the caller's thread. For PostgreSQL, whose
 * server already groups the WAL flushes of concurrent commits.
 */
final class DirectWrites implements Writes {
    private final DataSource dataSource;

    DirectWrites(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public <T> T run(Jdbc.Work<T> work) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(c, e);
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        }
    }

    static void rollbackQuietly(Connection c, Throwable failure) {
        try {
            c.rollback();
        } catch (SQLException rollbackFailure) {
            failure.addSuppressed(rollbackFailure);
        }
    }

    @Override
    public void close() {
        // nothing of its own: the pool is closed by the store
    }
}
