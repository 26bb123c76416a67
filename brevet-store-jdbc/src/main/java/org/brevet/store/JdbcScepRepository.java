package org.brevet.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.Optional;
import org.brevet.ca.api.RequestId;
import org.brevet.ca.api.ScepPassword;
import org.brevet.ca.api.store.ScepRepository;

/** SCEP passwords ({@code scep_passwords}) and transactions ({@code scep_transactions}), schema V5. */
final class JdbcScepRepository implements ScepRepository {
    private static final String INSERT_PASSWORD = "INSERT INTO scep_passwords (password_hash, subject, created_at, "
            + "expires_at, created_by, used_at) VALUES (?, ?, ?, ?, ?, NULL)";
    private static final String FIND_PASSWORD = "SELECT password_hash, subject, created_at, expires_at, created_by, used_at "
            + "FROM scep_passwords WHERE password_hash = ?";
    private static final String CONSUME = "UPDATE scep_passwords SET used_at = ? "
            + "WHERE password_hash = ? AND used_at IS NULL AND expires_at > ?";
    private static final String DELETE_TRANSACTION = "DELETE FROM scep_transactions WHERE transaction_id = ?";
    private static final String INSERT_TRANSACTION = "INSERT INTO scep_transactions (transaction_id, request_id, created_at) "
            + "VALUES (?, ?, ?)";
    private static final String FIND_TRANSACTION = "SELECT request_id FROM scep_transactions WHERE transaction_id = ?";

    private final Jdbc jdbc;

    JdbcScepRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void insertPassword(ScepPassword p) {
        jdbc.write(c -> {
            try (PreparedStatement s = c.prepareStatement(INSERT_PASSWORD)) {
                s.setString(1, p.hash());
                Columns.setOptionalString(s, 2, p.subject());
                Columns.setInstant(s, 3, p.createdAt());
                Columns.setInstant(s, 4, p.expiresAt());
                Columns.setOptionalString(s, 5, p.createdBy());
                return Jdbc.update(s, () -> "this SCEP password exists already");
            }
        });
    }

    @Override
    public Optional<ScepPassword> findPassword(String hash) {
        return jdbc.read(c -> {
            try (PreparedStatement s = c.prepareStatement(FIND_PASSWORD)) {
                s.setString(1, hash);
                try (ResultSet rs = s.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    return Optional.of(new ScepPassword(rs.getString("password_hash"), Columns.optionalString(rs, "subject"),
                            Columns.instant(rs, "created_at"), Columns.instant(rs, "expires_at"),
                            Columns.optionalString(rs, "created_by"), Columns.optionalInstant(rs, "used_at")));
                }
            }
        });
    }

    @Override
    public boolean consumePassword(String hash, Instant now) {
        return jdbc.write(c -> {
            try (PreparedStatement s = c.prepareStatement(CONSUME)) {
                Columns.setInstant(s, 1, now);
                s.setString(2, hash);
                Columns.setInstant(s, 3, now);
                return s.executeUpdate() == 1;
            }
        });
    }

    @Override
    public void saveTransaction(String transactionId, RequestId request, Instant now) {
        jdbc.write(c -> {
            try (PreparedStatement delete = c.prepareStatement(DELETE_TRANSACTION);
                    PreparedStatement insert = c.prepareStatement(INSERT_TRANSACTION)) {
                delete.setString(1, transactionId);
                delete.executeUpdate();
                insert.setString(1, transactionId);
                insert.setLong(2, request.value());
                Columns.setInstant(insert, 3, now);
                return insert.executeUpdate();
            }
        });
    }

    @Override
    public Optional<RequestId> findTransaction(String transactionId) {
        return jdbc.read(c -> {
            try (PreparedStatement s = c.prepareStatement(FIND_TRANSACTION)) {
                s.setString(1, transactionId);
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next() ? Optional.of(new RequestId(rs.getLong(1))) : Optional.empty();
                }
            }
        });
    }
}
