package org.brevet.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.brevet.ca.api.CertificateRequest;
import org.brevet.ca.api.Page;
import org.brevet.ca.api.RequestId;
import org.brevet.ca.api.RequestQuery;
import org.brevet.ca.api.RequestStatus;
import org.brevet.ca.api.store.RequestRepository;

/** Certificate requests in the {@code requests} table. */
final class JdbcRequestRepository implements RequestRepository {
    private static final String FIND = "SELECT " + RequestRows.COLUMNS + " FROM requests WHERE id = ?";
    private static final String LIST_ALL = "SELECT " + RequestRows.COLUMNS + " FROM requests "
            + "ORDER BY created_at DESC, id DESC OFFSET ? ROWS FETCH NEXT ? ROWS ONLY";
    private static final String LIST_BY_STATUS = "SELECT " + RequestRows.COLUMNS + " FROM requests WHERE status = ? "
            + "ORDER BY created_at DESC, id DESC OFFSET ? ROWS FETCH NEXT ? ROWS ONLY";

    private final Jdbc jdbc;

    JdbcRequestRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void insert(CertificateRequest request) {
        jdbc.write(c -> {
            insert(c, request);
            return null;
        });
    }

    /** Inserts within the caller's transaction; CONFLICT if the id exists. */
    static void insert(Connection c, CertificateRequest request) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(RequestRows.INSERT)) {
            RequestRows.bindInsert(s, request);
            Jdbc.update(s, () -> "request " + request.id() + " already exists");
        }
    }

    @Override
    public Optional<CertificateRequest> find(RequestId id) {
        return jdbc.read(c -> {
            try (PreparedStatement s = c.prepareStatement(FIND)) {
                s.setLong(1, id.value());
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next() ? Optional.of(RequestRows.read(rs)) : Optional.empty();
                }
            }
        });
    }

    @Override
    public Page<CertificateRequest> list(RequestQuery query) {
        int start = query.page().start();
        int size = query.page().size();
        return jdbc.read(c -> {
            try (PreparedStatement s = c.prepareStatement(query.status().isPresent() ? LIST_BY_STATUS : LIST_ALL)) {
                int i = 1;
                if (query.status().isPresent()) {
                    s.setString(i++, query.status().get().name());
                }
                s.setInt(i++, start);
                s.setInt(i, size + 1);
                List<CertificateRequest> items = new ArrayList<>(Math.min(size + 1, 64));
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        items.add(RequestRows.read(rs));
                    }
                }
                boolean hasMore = items.size() > size;
                return new Page<>(hasMore ? items.subList(0, size) : items, start, size, hasMore);
            }
        });
    }

    @Override
    public boolean transition(RequestStatus expected, CertificateRequest updated) {
        return jdbc.write(c -> transition(c, expected, updated));
    }

    /** The compare-and-set within the caller's transaction: true if the row was in {@code expected}. */
    static boolean transition(Connection c, RequestStatus expected, CertificateRequest updated) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(RequestRows.UPDATE_IF_STATUS)) {
            RequestRows.bindUpdateIfStatus(s, expected, updated);
            return s.executeUpdate() == 1;
        }
    }
}
