package org.brevet.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Optional;
import org.brevet.ca.api.CrlInfo;
import org.brevet.ca.api.store.CrlRepository;
import org.brevet.pki.BrevetException;
import org.brevet.pki.ErrorKind;

/**
 * CRL numbers ({@code crl_numbers}, incremented under the row lock) and the latest CRL of each kind
 * ({@code crls}, bytes in {@code crl_chunks}). A CRL replaces the stored one only if its number is
 * higher, so two nodes generating at once cannot move the published CRL backwards.
 */
final class JdbcCrlRepository implements CrlRepository {
    static final int CHUNK = 512 * 1024;
    private static final String BUMP = "UPDATE crl_numbers SET next_number = next_number + 1 WHERE issuing_point = ?";
    private static final String TAKEN = "SELECT next_number - 1 FROM crl_numbers WHERE issuing_point = ?";
    private static final String FIRST = "INSERT INTO crl_numbers (issuing_point, next_number) VALUES (?, ?)";
    private static final String LATEST = "SELECT crl_number, base_number, this_update, next_update, entries, length "
            + "FROM crls WHERE issuing_point = ? AND kind = ?";
    private static final String LOCK = LATEST + " FOR UPDATE";
    private static final String INSERT_CHUNK = "INSERT INTO crl_chunks (issuing_point, kind, crl_number, seq, data) "
            + "VALUES (?, ?, ?, ?, ?)";
    private static final String INSERT_CRL = "INSERT INTO crls (issuing_point, kind, crl_number, base_number, this_update, "
            + "next_update, entries, length) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String UPDATE_CRL = "UPDATE crls SET crl_number = ?, base_number = ?, this_update = ?, "
            + "next_update = ?, entries = ?, length = ? WHERE issuing_point = ? AND kind = ?";
    private static final String DROP_OLD_CHUNKS = "DELETE FROM crl_chunks WHERE issuing_point = ? AND kind = ? AND crl_number < ?";
    private static final String CHUNKS = "SELECT data FROM crl_chunks WHERE issuing_point = ? AND kind = ? AND crl_number = ? "
            + "ORDER BY seq";

    private final Jdbc jdbc;

    JdbcCrlRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public BigInteger nextCrlNumber(String issuingPoint, BigInteger startingNumber) {
        long start = startingNumber.longValueExact();
        for (int attempt = 0; ; attempt++) {
            try {
                return BigInteger.valueOf(jdbc.write(c -> {
                    try (PreparedStatement s = c.prepareStatement(BUMP)) {
                        s.setString(1, issuingPoint);
                        if (s.executeUpdate() == 1) {
                            try (PreparedStatement q = c.prepareStatement(TAKEN)) {
                                q.setString(1, issuingPoint);
                                try (ResultSet rs = q.executeQuery()) {
                                    rs.next();
                                    return rs.getLong(1);
                                }
                            }
                        }
                    }
                    try (PreparedStatement s = c.prepareStatement(FIRST)) {
                        s.setString(1, issuingPoint);
                        s.setLong(2, start + 1);
                        Jdbc.update(s, () -> "CRL numbers of " + issuingPoint + " were started by another node");
                        return start;
                    }
                }));
            } catch (BrevetException e) {
                if (e.kind() != ErrorKind.CONFLICT || attempt > 0) {
                    throw e;
                }
                // another node inserted the first row at the same moment: take the next number from it
            }
        }
    }

    @Override
    public boolean store(CrlInfo info, InputStream der) {
        return jdbc.write(c -> {
            Optional<CrlInfo> current = latest(c, LOCK, info.issuingPoint(), info.kind());
            if (current.isPresent() && current.get().number().compareTo(info.number()) >= 0) {
                return false;
            }
            long copied = writeChunks(c, info, der);
            if (copied != info.length()) {
                throw new IllegalArgumentException("CRL " + info.number() + " has " + copied + " bytes, not " + info.length());
            }
            try (PreparedStatement s = c.prepareStatement(current.isPresent() ? UPDATE_CRL : INSERT_CRL)) {
                int i = 1;
                if (current.isEmpty()) {
                    s.setString(i++, info.issuingPoint());
                    s.setString(i++, info.kind().name());
                }
                s.setLong(i++, info.number().longValueExact());
                if (info.baseNumber().isPresent()) {
                    s.setLong(i++, info.baseNumber().get().longValueExact());
                } else {
                    s.setNull(i++, java.sql.Types.BIGINT);
                }
                Columns.setInstant(s, i++, info.thisUpdate());
                Columns.setInstant(s, i++, info.nextUpdate());
                s.setLong(i++, info.entries());
                s.setLong(i++, info.length());
                if (current.isPresent()) {
                    s.setString(i++, info.issuingPoint());
                    s.setString(i, info.kind().name());
                }
                Jdbc.update(s, () -> "a CRL of " + info.issuingPoint() + " was stored by another node at the same moment");
            }
            if (current.isPresent()) {
                try (PreparedStatement s = c.prepareStatement(DROP_OLD_CHUNKS)) {
                    s.setString(1, info.issuingPoint());
                    s.setString(2, info.kind().name());
                    s.setLong(3, current.get().number().longValueExact());
                    s.executeUpdate();
                }
            }
            return true;
        });
    }

    private static long writeChunks(Connection c, CrlInfo info, InputStream der) throws SQLException {
        byte[] buffer = new byte[CHUNK];
        long total = 0;
        try (PreparedStatement s = c.prepareStatement(INSERT_CHUNK)) {
            for (int seq = 0; ; seq++) {
                int n = der.readNBytes(buffer, 0, CHUNK);
                if (n == 0) {
                    break;
                }
                s.setString(1, info.issuingPoint());
                s.setString(2, info.kind().name());
                s.setLong(3, info.number().longValueExact());
                s.setInt(4, seq);
                s.setBytes(5, n == CHUNK ? buffer : Arrays.copyOf(buffer, n));
                Jdbc.update(s, () -> "CRL " + info.number() + " of " + info.issuingPoint() + " is already stored");
                total += n;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the generated CRL", e);
        }
        return total;
    }

    @Override
    public Optional<CrlInfo> latest(String issuingPoint, CrlInfo.Kind kind) {
        return jdbc.read(c -> latest(c, LATEST, issuingPoint, kind));
    }

    @Override
    public Optional<CrlInfo> copyLatest(String issuingPoint, CrlInfo.Kind kind, OutputStream out) {
        return jdbc.read(c -> {
            Optional<CrlInfo> info = latest(c, LATEST, issuingPoint, kind);
            if (info.isEmpty()) {
                return info;
            }
            long copied = 0;
            try (PreparedStatement s = c.prepareStatement(CHUNKS)) {
                s.setString(1, issuingPoint);
                s.setString(2, kind.name());
                s.setLong(3, info.get().number().longValueExact());
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        byte[] data = rs.getBytes(1);
                        out.write(data);
                        copied += data.length;
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot send the CRL", e);
            }
            if (copied != info.get().length()) {
                throw new BrevetException(ErrorKind.UNAVAILABLE, "CRL " + info.get().number() + " of " + issuingPoint
                        + " was replaced while it was being read; try again");
            }
            return info;
        });
    }

    private static Optional<CrlInfo> latest(Connection c, String sql, String issuingPoint, CrlInfo.Kind kind) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, issuingPoint);
            s.setString(2, kind.name());
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                long base = rs.getLong("base_number");
                Optional<BigInteger> baseNumber = rs.wasNull() ? Optional.empty() : Optional.of(BigInteger.valueOf(base));
                return Optional.of(new CrlInfo(issuingPoint, kind, BigInteger.valueOf(rs.getLong("crl_number")), baseNumber,
                        Columns.instant(rs, "this_update"), Columns.instant(rs, "next_update"), rs.getLong("entries"),
                        rs.getLong("length")));
            }
        }
    }
}
