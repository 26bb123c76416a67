package org.brevet.store;

import java.math.BigInteger;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.brevet.ca.api.store.CrlUpdateRequests;

/** The {@code crl_update_requests} table: the queue from any node to the CRL master. */
final class JdbcCrlUpdateRequests implements CrlUpdateRequests {
    private static final String INSERT = "INSERT INTO crl_update_requests (issuing_point, requested_by, requested_at) "
            + "VALUES (?, ?, ?)";
    private static final String PENDING = "SELECT id FROM crl_update_requests WHERE issuing_point = ? AND done_at IS NULL "
            + "ORDER BY id";
    private static final String COMPLETE = "UPDATE crl_update_requests SET done_at = ?, crl_number = ? "
            + "WHERE id = ? AND done_at IS NULL";
    private static final String RESULT = "SELECT crl_number FROM crl_update_requests WHERE id = ?";

    private final Jdbc jdbc;

    JdbcCrlUpdateRequests(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public long request(String issuingPoint, String requestedBy, Instant now) {
        return jdbc.write(c -> {
            try (PreparedStatement s = c.prepareStatement(INSERT, new String[] {"id"})) {
                s.setString(1, issuingPoint);
                s.setString(2, requestedBy);
                Columns.setInstant(s, 3, now);
                s.executeUpdate();
                try (ResultSet keys = s.getGeneratedKeys()) {
                    keys.next();
                    return keys.getLong(1);
                }
            }
        });
    }

    @Override
    public List<Long> pending(String issuingPoint) {
        return jdbc.read(c -> {
            List<Long> ids = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement(PENDING)) {
                s.setString(1, issuingPoint);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getLong(1));
                    }
                }
            }
            return List.copyOf(ids);
        });
    }

    @Override
    public void complete(List<Long> ids, BigInteger crlNumber, Instant now) {
        jdbc.write(c -> {
            try (PreparedStatement s = c.prepareStatement(COMPLETE)) {
                for (long id : ids) {
                    Columns.setInstant(s, 1, now);
                    s.setLong(2, crlNumber.longValueExact());
                    s.setLong(3, id);
                    s.addBatch();
                }
                s.executeBatch();
            }
            return null;
        });
    }

    @Override
    public Optional<BigInteger> result(long id) {
        return jdbc.read(c -> {
            try (PreparedStatement s = c.prepareStatement(RESULT)) {
                s.setLong(1, id);
                try (ResultSet rs = s.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.<BigInteger>empty();
                    }
                    long n = rs.getLong(1);
                    return rs.wasNull() ? Optional.<BigInteger>empty() : Optional.of(BigInteger.valueOf(n));
                }
            }
        });
    }
}
