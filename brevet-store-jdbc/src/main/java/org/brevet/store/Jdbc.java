package org.brevet.store;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.brevet.pki.BrevetException;
import org.brevet.pki.ErrorKind;

/**
 * Runs units of work: reads on a pooled connection in auto-commit mode, writes as one transaction each
 * through the dialect's {@link Writes}. SQL failures leave as {@link BrevetException}s (see
 * {@link SqlFailures}).
 */
final class Jdbc {
    /** A unit of work on one connection. */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private final DataSource dataSource;
    private final Dialect dialect;
    private final Writes writes;

    Jdbc(DataSource dataSource, Dialect dialect, Writes writes) {
        this.dataSource = dataSource;
        this.dialect = dialect;
        this.writes = writes;
    }

    Dialect dialect() {
        return dialect;
    }

    /** Runs read-only {@code work}: each statement sees the latest committed data. */
    <T> T read(Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw translate(e);
        }
    }

    /** Runs {@code work} in one transaction; committed when this returns, rolled back when it throws. */
    <T> T write(Work<T> work) {
        try {
            return writes.run(work);
        } catch (SQLException e) {
            throw translate(e);
        }
    }

    private BrevetException translate(SQLException e) {
        if (dataSource instanceof HikariDataSource pool && pool.isClosed()) {
            return new BrevetException(ErrorKind.UNAVAILABLE, "database unavailable: the store is closed", e);
        }
        return SqlFailures.translate(e);
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
}
