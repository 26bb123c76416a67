package org.brevet.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.brevet.ca.api.ArchivedKey;
import org.brevet.ca.api.ArchivedKeyId;
import org.brevet.ca.api.RequestId;
import org.brevet.ca.api.store.KeyRepository;
import org.brevet.pki.Der;

/** Archived keys ({@code archived_keys}) and the KRA's certificates ({@code kra_certificates}). */
final class JdbcKeyRepository implements KeyRepository {
    private static final String COLUMNS =
            "id, request_id, owner, public_key, algorithm, key_size, status, archived_at, archived_by";
    private static final String INSERT = "INSERT INTO archived_keys (" + COLUMNS
            + ", owner_lower, wrapped_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String BY_ID = "SELECT " + COLUMNS + " FROM archived_keys WHERE id = ?";
    private static final String BY_REQUEST = "SELECT " + COLUMNS + " FROM archived_keys WHERE request_id = ?";
    private static final String SEARCH = "SELECT " + COLUMNS
            + " FROM archived_keys WHERE owner_lower LIKE ? ORDER BY archived_at DESC, id DESC LIMIT ?";
    private static final String WRAPPED = "SELECT wrapped_key FROM archived_keys WHERE id = ?";
    private static final String DELETE_CERT = "DELETE FROM kra_certificates WHERE nickname = ?";
    private static final String INSERT_CERT = "INSERT INTO kra_certificates (nickname, der, updated_at) VALUES (?, ?, CURRENT_TIMESTAMP)";
    private static final String CERT = "SELECT der FROM kra_certificates WHERE nickname = ?";

    private final Jdbc jdbc;

    JdbcKeyRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void insert(ArchivedKey key, Der wrappedPrivateKey) {
        jdbc.write(c -> {
            try (PreparedStatement s = c.prepareStatement(INSERT)) {
                s.setLong(1, key.id().value());
                s.setLong(2, key.requestId().value());
                s.setString(3, key.owner());
                Columns.setDer(s, 4, key.publicKey());
                s.setString(5, key.algorithm());
                s.setInt(6, key.size());
                s.setString(7, key.status().name());
                Columns.setInstant(s, 8, key.archivedAt());
                s.setString(9, key.archivedBy());
                s.setString(10, key.owner().toLowerCase(Locale.ROOT));
                Columns.setDer(s, 11, wrappedPrivateKey);
                Jdbc.update(s, () -> "a key is already archived for request " + key.requestId() + " (or key id " + key.id() + ")");
            }
            return null;
        });
    }

    @Override
    public Optional<ArchivedKey> find(ArchivedKeyId id) {
        return one(BY_ID, id.value());
    }

    @Override
    public Optional<ArchivedKey> findByRequest(RequestId requestId) {
        return one(BY_REQUEST, requestId.value());
    }

    @Override
    public List<ArchivedKey> search(Optional<String> owner, int maxResults) {
        return jdbc.read(c -> {
            try (PreparedStatement s = c.prepareStatement(SEARCH)) {
                s.setString(1, "%" + owner.map(o -> o.toLowerCase(Locale.ROOT)).orElse("") + "%");
                s.setInt(2, maxResults);
                List<ArchivedKey> keys = new ArrayList<>();
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        keys.add(row(rs));
                    }
                }
                return keys;
            }
        });
    }

    @Override
    public Optional<Der> wrappedPrivateKey(ArchivedKeyId id) {
        return bytes(WRAPPED, s -> s.setLong(1, id.value()));
    }

    @Override
    public void putCertificate(String nickname, Der certificate) {
        jdbc.write(c -> {
            try (PreparedStatement s = c.prepareStatement(DELETE_CERT)) {
                s.setString(1, nickname);
                s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement(INSERT_CERT)) {
                s.setString(1, nickname);
                Columns.setDer(s, 2, certificate);
                Jdbc.update(s, () -> "KRA certificate '" + nickname + "' was stored concurrently");
            }
            return null;
        });
    }

    @Override
    public Optional<Der> certificate(String nickname) {
        return bytes(CERT, s -> s.setString(1, nickname));
    }

    private interface Binder {
        void bind(PreparedStatement s) throws SQLException;
    }

    private Optional<Der> bytes(String sql, Binder binder) {
        return jdbc.read(c -> {
            try (PreparedStatement s = c.prepareStatement(sql)) {
                binder.bind(s);
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next() ? Optional.of(Der.of(rs.getBytes(1))) : Optional.<Der>empty();
                }
            }
        });
    }

    private Optional<ArchivedKey> one(String sql, long id) {
        return jdbc.read(c -> {
            try (PreparedStatement s = c.prepareStatement(sql)) {
                s.setLong(1, id);
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next() ? Optional.of(row(rs)) : Optional.<ArchivedKey>empty();
                }
            }
        });
    }

    private static ArchivedKey row(ResultSet rs) throws SQLException {
        return new ArchivedKey(new ArchivedKeyId(rs.getLong("id")), new RequestId(rs.getLong("request_id")),
                rs.getString("owner"), Columns.der(rs, "public_key"), rs.getString("algorithm"), rs.getInt("key_size"),
                ArchivedKey.Status.valueOf(rs.getString("status")), Columns.instant(rs, "archived_at"),
                rs.getString("archived_by"));
    }
}
