package org.brevet.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;
import org.brevet.ca.api.RevocationRecord;
import org.brevet.ca.api.store.RevocationRepository;
import org.brevet.pki.BrevetException;
import org.brevet.pki.ErrorKind;
import org.brevet.pki.RevocationReason;
import org.brevet.pki.SerialNumber;

/**
 * Revocations in {@code certificate_status} (one row per revoked or held certificate) and released holds
 * in {@code hold_releases}. The primary key on the serial decides races (ALREADY_REVOKED); the foreign
 * key to {@code certificates} gives NOT_FOUND. Streaming reads run in a read-only transaction with a
 * bounded fetch size, so the driver pages through the rows instead of loading them all (PostgreSQL only
 * uses a cursor inside a transaction).
 */
final class JdbcRevocationRepository implements RevocationRepository {
    static final int FETCH_SIZE = 1_000;
    private static final String COLUMNS = "s.serial, s.reason, s.revoked_at, s.invalidity_date, s.revoked_by, "
            + "s.revocation_comment, c.not_after";
    private static final String INSERT = "INSERT INTO certificate_status (serial, revoked_at, reason, revoked_by, "
            + "invalidity_date, revocation_comment) VALUES (?, ?, ?, ?, ?, ?)";
    private static final String FIND = "SELECT " + COLUMNS
            + " FROM certificate_status s JOIN certificates c ON c.serial = s.serial WHERE s.serial = ?";
    private static final String STATE = "SELECT c.serial AS issued, " + COLUMNS
            + " FROM certificates c LEFT JOIN certificate_status s ON s.serial = c.serial WHERE c.serial = ?";
    private static final String ALL = "SELECT " + COLUMNS
            + " FROM certificate_status s JOIN certificates c ON c.serial = s.serial WHERE c.not_after >= ?";
    private static final String SINCE = ALL + " AND s.revoked_at >= ?";
    private static final String RELEASED_SINCE = "SELECT r.serial, MAX(r.released_at) AS released_at, c.not_after "
            + "FROM hold_releases r JOIN certificates c ON c.serial = r.serial "
            + "WHERE r.released_at >= ? AND c.not_after >= ? "
            + "AND NOT EXISTS (SELECT 1 FROM certificate_status s WHERE s.serial = r.serial AND s.revoked_at >= ?) "
            + "GROUP BY r.serial, c.not_after";
    private static final String DELETE_HOLD = "DELETE FROM certificate_status WHERE serial = ? AND reason = ?";
    private static final String INSERT_RELEASE = "INSERT INTO hold_releases (serial, released_at, revoked_at, revoked_by) "
            + "VALUES (?, ?, ?, ?)";

    private final Jdbc jdbc;

    JdbcRevocationRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void revoke(RevocationRecord r) {
        jdbc.write(c -> {
            try (PreparedStatement s = c.prepareStatement(INSERT)) {
                s.setString(1, r.serial().toHex());
                Columns.setInstant(s, 2, r.revokedAt());
                s.setString(3, r.reason().rfcName());
                s.setString(4, r.revokedBy());
                setOptionalInstant(s, 5, r.invalidityDate());
                Columns.setOptionalString(s, 6, r.comment());
                s.executeUpdate();
                return null;
            } catch (SQLException e) {
                if (SqlFailures.isUniqueViolation(e)) {
                    throw new BrevetException(ErrorKind.ALREADY_REVOKED, "certificate " + r.serial() + " is already revoked", e);
                }
                if (SqlFailures.isMissingParent(e, jdbc.dialect())) {
                    throw BrevetException.notFound("no certificate with serial " + r.serial());
                }
                throw e;
            }
        });
    }

    @Override
    public Optional<RevocationRecord> release(SerialNumber serial, Instant releasedAt) {
        return jdbc.write(c -> {
            Optional<RevocationRecord> current = find(c, serial);
            if (current.isEmpty() || !current.get().onHold()) {
                return Optional.empty();
            }
            try (PreparedStatement s = c.prepareStatement(DELETE_HOLD)) {
                s.setString(1, serial.toHex());
                s.setString(2, RevocationReason.CERTIFICATE_HOLD.rfcName());
                if (s.executeUpdate() != 1) {
                    return Optional.<RevocationRecord>empty(); // another node released or changed it first
                }
            }
            try (PreparedStatement s = c.prepareStatement(INSERT_RELEASE)) {
                s.setString(1, serial.toHex());
                Columns.setInstant(s, 2, releasedAt);
                Columns.setInstant(s, 3, current.get().revokedAt());
                s.setString(4, current.get().revokedBy());
                s.executeUpdate();
            }
            return current;
        });
    }

    @Override
    public Optional<RevocationRecord> find(SerialNumber serial) {
        return jdbc.read(c -> find(c, serial));
    }

    private static Optional<RevocationRecord> find(Connection c, SerialNumber serial) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(FIND)) {
            s.setString(1, serial.toHex());
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        }
    }

    @Override
    public SerialState state(SerialNumber serial) {
        return jdbc.read(c -> {
            try (PreparedStatement s = c.prepareStatement(STATE)) {
                s.setString(1, serial.toHex());
                try (ResultSet rs = s.executeQuery()) {
                    if (!rs.next()) {
                        return SerialState.UNKNOWN;
                    }
                    return new SerialState(true, rs.getString("reason") == null ? Optional.empty() : Optional.of(read(rs)));
                }
            }
        });
    }

    @Override
    public void forEachRevoked(Instant expiredBefore, Consumer<RevocationRecord> sink) {
        stream(ALL, sink, s -> Columns.setInstant(s, 1, expiredBefore));
    }

    @Override
    public void forEachChangeSince(Instant since, Instant expiredBefore, Consumer<RevocationRecord> sink) {
        stream(SINCE, sink, s -> {
            Columns.setInstant(s, 1, expiredBefore);
            Columns.setInstant(s, 2, since);
        });
        jdbc.read(c -> inReadTransaction(c, () -> {
            try (PreparedStatement s = c.prepareStatement(RELEASED_SINCE)) {
                s.setFetchSize(FETCH_SIZE);
                Columns.setInstant(s, 1, since);
                Columns.setInstant(s, 2, expiredBefore);
                Columns.setInstant(s, 3, since);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        sink.accept(new RevocationRecord(Columns.serial(rs, "serial"), RevocationReason.REMOVE_FROM_CRL,
                                Columns.instant(rs, "released_at"), Optional.empty(), "", Optional.empty(),
                                Columns.instant(rs, "not_after")));
                    }
                }
            }
            return null;
        }));
    }

    private interface Binder {
        void bind(PreparedStatement s) throws SQLException;
    }

    private interface Body<T> {
        T run() throws SQLException;
    }

    private void stream(String sql, Consumer<RevocationRecord> sink, Binder binder) {
        jdbc.read(c -> inReadTransaction(c, () -> {
            try (PreparedStatement s = c.prepareStatement(sql)) {
                s.setFetchSize(FETCH_SIZE);
                binder.bind(s);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        sink.accept(read(rs));
                    }
                }
            }
            return null;
        }));
    }

    private static <T> T inReadTransaction(Connection c, Body<T> body) throws SQLException {
        c.setAutoCommit(false);
        try {
            T result = body.run();
            c.commit();
            return result;
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(true);
        }
    }

    private static RevocationRecord read(ResultSet rs) throws SQLException {
        return new RevocationRecord(
                Columns.serial(rs, "serial"),
                RevocationReason.parse(rs.getString("reason")),
                Columns.instant(rs, "revoked_at"),
                Columns.optionalInstant(rs, "invalidity_date"),
                Optional.ofNullable(rs.getString("revoked_by")).orElse(""),
                Columns.optionalString(rs, "revocation_comment"),
                Columns.instant(rs, "not_after"));
    }

    private static void setOptionalInstant(PreparedStatement s, int index, Optional<Instant> value) throws SQLException {
        if (value.isPresent()) {
            Columns.setInstant(s, index, value.get());
        } else {
            s.setNull(index, java.sql.Types.TIMESTAMP_WITH_TIMEZONE);
        }
    }
}
