package org.brevet.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.brevet.ca.api.ArchivedKeyId;
import org.brevet.ca.api.KeyRequestId;
import org.brevet.ca.api.RecoveryRequest;
import org.brevet.ca.api.store.KeyRecoveryRepository;
import org.brevet.pki.BrevetException;
import org.brevet.pki.ErrorKind;

/**
 * Recovery requests ({@code key_recovery_requests}) and approvals ({@code key_recovery_approvals}). An
 * approval locks its request row, so that concurrent approvals on two nodes count each other.
 */
final class JdbcKeyRecoveryRepository implements KeyRecoveryRepository {
    private static final String COLUMNS = "id, key_id, requester, status, required_approvals, created_at, updated_at";
    private static final String INSERT = "INSERT INTO key_recovery_requests (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?)";
    private static final String BY_ID = "SELECT " + COLUMNS + " FROM key_recovery_requests WHERE id = ?";
    private static final String LOCK = BY_ID + " FOR UPDATE";
    private static final String SEARCH_ALL = "SELECT " + COLUMNS
            + " FROM key_recovery_requests ORDER BY created_at DESC, id DESC LIMIT ?";
    private static final String SEARCH_STATUS = "SELECT " + COLUMNS
            + " FROM key_recovery_requests WHERE status = ? ORDER BY created_at DESC, id DESC LIMIT ?";
    private static final String APPROVERS =
            "SELECT agent FROM key_recovery_approvals WHERE request_id = ? ORDER BY approved_at, agent";
    private static final String INSERT_APPROVAL =
            "INSERT INTO key_recovery_approvals (request_id, agent, approved_at) VALUES (?, ?, ?)";
    private static final String SET_STATUS =
            "UPDATE key_recovery_requests SET status = ?, updated_at = ? WHERE id = ? AND status = ?";

    private final Jdbc jdbc;

    JdbcKeyRecoveryRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void insert(RecoveryRequest request) {
        jdbc.write(c -> {
            try (PreparedStatement s = c.prepareStatement(INSERT)) {
                s.setLong(1, request.id().value());
                s.setLong(2, request.keyId().value());
                s.setString(3, request.requester());
                s.setString(4, request.status().name());
                s.setInt(5, request.requiredApprovals());
                Columns.setInstant(s, 6, request.createdAt());
                Columns.setInstant(s, 7, request.updatedAt());
                Jdbc.update(s, () -> "key request " + request.id() + " already exists");
            }
            return null;
        });
    }

    @Override
    public Optional<RecoveryRequest> find(KeyRequestId id) {
        return jdbc.read(c -> load(c, BY_ID, id));
    }

    @Override
    public List<RecoveryRequest> search(Optional<RecoveryRequest.Status> status, int maxResults) {
        return jdbc.read(c -> {
            List<Long> ids = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement(status.isPresent() ? SEARCH_STATUS : SEARCH_ALL)) {
                int i = 1;
                if (status.isPresent()) {
                    s.setString(i++, status.get().name());
                }
                s.setInt(i, maxResults);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getLong("id"));
                    }
                }
            }
            List<RecoveryRequest> out = new ArrayList<>();
            for (long id : ids) {
                load(c, BY_ID, new KeyRequestId(id)).ifPresent(out::add);
            }
            return out;
        });
    }

    @Override
    public RecoveryRequest approve(KeyRequestId id, String agent, Instant at) {
        return jdbc.write(c -> {
            RecoveryRequest request = load(c, LOCK, id)
                    .orElseThrow(() -> BrevetException.notFound("no key request " + id));
            if (request.status() != RecoveryRequest.Status.PENDING) {
                throw new BrevetException(ErrorKind.CONFLICT, "key request " + id + " is " + request.status().wireName()
                        + ", not pending");
            }
            try (PreparedStatement s = c.prepareStatement(INSERT_APPROVAL)) {
                s.setLong(1, id.value());
                s.setString(2, agent);
                Columns.setInstant(s, 3, at);
                Jdbc.update(s, () -> "agent '" + agent + "' already approved key request " + id);
            }
            if (request.approvers().size() + 1 >= request.requiredApprovals()) {
                setStatus(c, id, RecoveryRequest.Status.PENDING, RecoveryRequest.Status.APPROVED, at);
            }
            return load(c, BY_ID, id).orElseThrow();
        });
    }

    @Override
    public boolean complete(KeyRequestId id, Instant at) {
        return jdbc.write(c -> setStatus(c, id, RecoveryRequest.Status.APPROVED, RecoveryRequest.Status.COMPLETE, at));
    }

    private static boolean setStatus(Connection c, KeyRequestId id, RecoveryRequest.Status from, RecoveryRequest.Status to,
            Instant at) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(SET_STATUS)) {
            s.setString(1, to.name());
            Columns.setInstant(s, 2, at);
            s.setLong(3, id.value());
            s.setString(4, from.name());
            return s.executeUpdate() == 1;
        }
    }

    /** Reads the request row first (so that {@link #LOCK} is taken before the approvals are counted). */
    private static Optional<RecoveryRequest> load(Connection c, String sql, KeyRequestId id) throws SQLException {
        RecoveryRequest request;
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setLong(1, id.value());
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                request = new RecoveryRequest(id, new ArchivedKeyId(rs.getLong("key_id")), rs.getString("requester"),
                        RecoveryRequest.Status.valueOf(rs.getString("status")), List.of(), rs.getInt("required_approvals"),
                        Columns.instant(rs, "created_at"), Columns.instant(rs, "updated_at"));
            }
        }
        List<String> approvers = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(APPROVERS)) {
            s.setLong(1, id.value());
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    approvers.add(rs.getString(1));
                }
            }
        }
        return Optional.of(new RecoveryRequest(request.id(), request.keyId(), request.requester(), request.status(),
                approvers, request.requiredApprovals(), request.createdAt(), request.updatedAt()));
    }
}
