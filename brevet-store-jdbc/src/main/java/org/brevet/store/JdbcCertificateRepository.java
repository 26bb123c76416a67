package org.brevet.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.brevet.ca.api.CertificateQuery;
import org.brevet.ca.api.CertificateRecord;
import org.brevet.ca.api.CertificateStatus;
import org.brevet.ca.api.Page;
import org.brevet.ca.api.store.CertificateRepository;
import org.brevet.pki.SerialNumber;

/**
 * Reads issued certificates. The status filter agrees with {@link CertificateRecord#statusAt}: a revoked
 * certificate is REVOKED whatever its dates; otherwise it is EXPIRED once {@code now} is past notAfter.
 */
final class JdbcCertificateRepository implements CertificateRepository {
    private static final String FIND = CertificateRows.SELECT + " WHERE c.serial = ?";

    private final Jdbc jdbc;

    JdbcCertificateRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<CertificateRecord> find(SerialNumber serial) {
        return jdbc.read(c -> {
            try (PreparedStatement s = c.prepareStatement(FIND)) {
                s.setString(1, serial.toHex());
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next() ? Optional.of(CertificateRows.read(rs)) : Optional.empty();
                }
            }
        });
    }

    @Override
    public Page<CertificateRecord> search(CertificateQuery query) {
        Search search = Search.of(query);
        int start = query.page().start();
        int size = query.page().size();
        return jdbc.read(c -> {
            try (PreparedStatement s = c.prepareStatement(search.sql())) {
                int next = search.bind(s);
                s.setInt(next++, start);
                s.setInt(next, size + 1);
                List<CertificateRecord> items = new ArrayList<>(Math.min(size + 1, 64));
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        items.add(CertificateRows.read(rs));
                    }
                }
                boolean hasMore = items.size() > size;
                return new Page<>(hasMore ? items.subList(0, size) : items, start, size, hasMore);
            }
        });
    }

    /** The WHERE clause of one query and its parameters, in order. */
    private record Search(String sql, List<Object> parameters) {
        static Search of(CertificateQuery query) {
            StringBuilder where = new StringBuilder();
            List<Object> parameters = new ArrayList<>();
            query.subjectContains().ifPresent(text -> {
                where.append(" AND c.subject_lower LIKE ? ESCAPE '!'");
                parameters.add(Columns.containsPattern(CertificateRows.searchable(text)));
            });
            query.expiresBefore().ifPresent(instant -> {
                where.append(" AND c.not_after < ?");
                parameters.add(instant);
            });
            query.status().ifPresent(status -> appendStatus(status, query.now(), where, parameters));
            String sql = CertificateRows.SELECT
                    + (where.length() == 0 ? "" : " WHERE" + where.substring(" AND".length()))
                    + " ORDER BY c.not_after, c.serial OFFSET ? ROWS FETCH NEXT ? ROWS ONLY";
            return new Search(sql, parameters);
        }

        private static void appendStatus(CertificateStatus status, Instant now, StringBuilder where,
                List<Object> parameters) {
            switch (status) {
                case REVOKED -> where.append(" AND s.serial IS NOT NULL");
                case VALID -> {
                    where.append(" AND s.serial IS NULL AND c.not_after >= ?");
                    parameters.add(now);
                }
                case EXPIRED -> {
                    where.append(" AND s.serial IS NULL AND c.not_after < ?");
                    parameters.add(now);
                }
                default -> throw new AssertionError(status);
            }
        }

        /** Binds the parameters and returns the next free position. */
        int bind(PreparedStatement s) throws SQLException {
            int i = 1;
            for (Object p : parameters) {
                if (p instanceof Instant instant) {
                    Columns.setInstant(s, i++, instant);
                } else {
                    s.setString(i++, (String) p);
                }
            }
            return i;
        }
    }
}
