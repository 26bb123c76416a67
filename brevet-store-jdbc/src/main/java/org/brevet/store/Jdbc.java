package org.brevet.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.brevet.pki.BrevetException;
import org.brevet.pki.ErrorKind;

/**
 * Runs units of work on pooled connections: reads and single-statement writes in auto-commit mode,
 * several writes as one transaction with one commit. A failing write is rolled back before its error propagates. SQL failures leave as
 * {@link BrevetException}s (see {@link SqlFailures}).
 */
final class Jdbc {
    /** A unit of work on one connection. */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private final DataSource dataSource;
    private final Dialect dialect;

    Jdbc(DataSource dataSource, Dialect dialect) {
        this.dataSource = dataSource;
        this.dialect = dialect;
    }

    Dialect dialect() {
        return dialect;
    }

    /** Runs {@code work} in auto-commit mode: each statement is its own transaction. */
    <T> T autoCommit(Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw SqlFailures.translate(e);
        }
    }

    /** Runs {@code work} in one transaction; committed when it returns, rolled back when it throws. */
    <T> T inTransaction(Work<T> work) {
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
        } catch (SQLException e) {
            throw SqlFailures.translate(e);
        }
    }

    /**
     * Executes an insert or update, turning a unique-key violation into CONFLICT with {@code conflict}'s
     * detail, so that each statement names the rule it can break.
     */
    static int update(PreparedStatement statement, Supplier<String> conflict) throws SQLException {
        try {
            return statement.executeUpdate();
        } catch (SQLException e) {
            if (SqlFailures.isUniqueViolation(e)) {
                throw new BrevetException(ErrorKind.CONFLICT, conflict.get(), e);
            }
            throw e;
        }
    }

    private static void rollbackQuietly(Connection c, Exception failure) {
        try {
            c.rollback();
        } catch (SQLException rollbackFailure) {
            failure.addSuppressed(rollbackFailure);
        }
    }
}
