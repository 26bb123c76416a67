package org.brevet.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.brevet.ca.api.Lease;
import org.brevet.ca.api.store.Leases;
import org.brevet.pki.BrevetException;
import org.brevet.pki.ErrorKind;

/**
 * Leases in the {@code leases} table. Each call is one transaction that locks the lease row
 * ({@code SELECT ... FOR UPDATE}); the first acquisition inserts the row, and a node that loses that insert
 * race simply does not get the lease.
 */
final class JdbcLeases implements Leases {
    private static final String LOCK = "SELECT holder, expires_at, fencing, taken_from FROM leases WHERE name = ? FOR UPDATE";
    private static final String READ = "SELECT holder, expires_at, fencing, taken_from FROM leases WHERE name = ?";
    private static final String INSERT = "INSERT INTO leases (name, holder, expires_at, fencing, taken_from) VALUES (?, ?, ?, 1, NULL)";
    private static final String RENEW = "UPDATE leases SET expires_at = ? WHERE name = ? AND holder = ?";
    private static final String TAKE = "UPDATE leases SET holder = ?, expires_at = ?, fencing = fencing + 1, taken_from = ? "
            + "WHERE name = ?";
    private static final String RELEASE = "UPDATE leases SET expires_at = ? WHERE name = ? AND holder = ? AND expires_at > ?";

    private final Jdbc jdbc;

    JdbcLeases(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Lease> acquire(String name, String holder, Instant now, Duration ttl) {
        try {
            return jdbc.write(c -> {
                Optional<Lease> current = read(c, LOCK, name);
                if (current.isEmpty()) {
                    insert(c, name, holder, now.plus(ttl));
                } else if (current.get().holder().equals(holder) && now.isBefore(current.get().expiresAt())) {
                    renew(c, name, holder, now.plus(ttl));
                } else if (!now.isBefore(current.get().expiresAt())) {
                    take(c, name, holder, now.plus(ttl), current.get().holder());
                } else {
                    return Optional.<Lease>empty();
                }
                return read(c, READ, name);
            });
        } catch (BrevetException e) {
            if (e.kind() == ErrorKind.CONFLICT) {
                return Optional.empty(); // another node inserted the first row at the same moment: it holds the lease
            }
            throw e;
        }
    }

    @Override
    public Lease seize(String name, String holder, Instant now, Duration ttl) {
        return jdbc.write(c -> {
            Optional<Lease> current = read(c, LOCK, name);
            if (current.isEmpty()) {
                insert(c, name, holder, now.plus(ttl));
            } else {
                take(c, name, holder, now.plus(ttl), current.get().holder());
            }
            return read(c, READ, name).orElseThrow();
        });
    }

    @Override
    public boolean release(String name, String holder, Instant now) {
        return jdbc.write(c -> {
            try (PreparedStatement s = c.prepareStatement(RELEASE)) {
                Columns.setInstant(s, 1, now);
                s.setString(2, name);
                s.setString(3, holder);
                Columns.setInstant(s, 4, now);
                return s.executeUpdate() == 1;
            }
        });
    }

    @Override
    public Optional<Lease> current(String name) {
        return jdbc.read(c -> read(c, READ, name));
    }

    private static void insert(Connection c, String name, String holder, Instant expires) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(INSERT)) {
            s.setString(1, name);
            s.setString(2, holder);
            Columns.setInstant(s, 3, expires);
            Jdbc.update(s, () -> "lease " + name + " was taken by another node");
        }
    }

    private static void renew(Connection c, String name, String holder, Instant expires) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(RENEW)) {
            Columns.setInstant(s, 1, expires);
            s.setString(2, name);
            s.setString(3, holder);
            s.executeUpdate();
        }
    }

    private static void take(Connection c, String name, String holder, Instant expires, String previous) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(TAKE)) {
            s.setString(1, holder);
            Columns.setInstant(s, 2, expires);
            s.setString(3, previous);
            s.setString(4, name);
            s.executeUpdate();
        }
    }

    private static Optional<Lease> read(Connection c, String sql, String name) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, name);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Lease(name, rs.getString("holder"), Columns.instant(rs, "expires_at"),
                        rs.getLong("fencing"), Columns.optionalString(rs, "taken_from")));
            }
        }
    }
}
