package org.brevet.store;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;
import org.brevet.pki.BrevetException;
import org.brevet.pki.ErrorKind;

/**
 * Turns JDBC failures into the store's contract: constraint violations are recognised by the caller
 * (it knows which rule was broken), lost or refused connections become UNAVAILABLE, anything else
 * INTERNAL. The detail is one line; the full exception stays attached as the cause for the log.
 */
final class SqlFailures {
    private static final String UNIQUE_VIOLATION = "23505";

    /** H2 error codes (as SQLSTATE) that mean the database cannot be used right now. */
    private static final Set<String> H2_UNAVAILABLE = Set.of(
            "90020", // database may be already in use (file locked by another process)
            "90028", // IO exception
            "90031", // IO exception
            "90067", // connection is broken
            "90098", // database is closed
            "90121", // database called at shutdown
            "HYT00"); // lock timeout

    private SqlFailures() {
    }

    static boolean isUniqueViolation(SQLException e) {
        return UNIQUE_VIOLATION.equals(e.getSQLState());
    }

    static boolean isMissingParent(SQLException e, Dialect dialect) {
        return dialect.missingParentState().equals(e.getSQLState());
    }

    static BrevetException translate(SQLException e) {
        if (isUnavailable(e)) {
            return new BrevetException(ErrorKind.UNAVAILABLE, "database unavailable: " + reason(e), e);
        }
        return new BrevetException(ErrorKind.INTERNAL, "database error", e);
    }

    static boolean isUnavailable(SQLException e) {
        if (e instanceof SQLTransientConnectionException
                || e instanceof SQLNonTransientConnectionException
                || e instanceof SQLRecoverableException) {
            return true;
        }
        String state = e.getSQLState();
        if (state == null) {
            return false;
        }
        return state.startsWith("08") // connection exception
                || state.startsWith("53") // insufficient resources (disk full, too many connections)
                || state.startsWith("57P") // PostgreSQL shutting down or restarting
                || state.startsWith("40") // serialization failure or deadlock: retrying may work
                || H2_UNAVAILABLE.contains(state);
    }

    /** The first line of the deepest message: drivers put the SQL text and stack details after it. */
    static String reason(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t && t.getCause().getMessage() != null) {
            t = t.getCause();
        }
        String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        int newline = message.indexOf('\n');
        String line = (newline < 0 ? message : message.substring(0, newline)).trim();
        return line.endsWith(";") ? line.substring(0, line.length() - 1) : line;
    }
}
