package org.brevet.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import org.brevet.ca.api.CertificateRequest;
import org.brevet.ca.api.RequestId;
import org.brevet.ca.api.RequestStatus;

/** Maps {@link CertificateRequest} to and from the {@code requests} table. */
final class RequestRows {
    static final String COLUMNS = "id, profile_id, status, csr, requested_subject, submitter, created_at, "
            + "updated_at, serial, reviewer, reason";

    static final String INSERT = "INSERT INTO requests (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    /** Compare-and-set: replaces every column but the id, only while the status is still the expected one. */
    static final String UPDATE_IF_STATUS = "UPDATE requests SET profile_id = ?, status = ?, csr = ?, "
            + "requested_subject = ?, submitter = ?, created_at = ?, updated_at = ?, serial = ?, reviewer = ?, "
            + "reason = ? WHERE id = ? AND status = ?";

    private RequestRows() {
    }

    static void bindInsert(PreparedStatement s, CertificateRequest r) throws SQLException {
        s.setLong(1, r.id().value());
        bindMutable(s, 2, r);
    }

    static void bindUpdateIfStatus(PreparedStatement s, RequestStatus expected, CertificateRequest r)
            throws SQLException {
        bindMutable(s, 1, r);
        s.setLong(11, r.id().value());
        s.setString(12, expected.name());
    }

    /** Binds the ten columns after the id, from position {@code first}. */
    private static void bindMutable(PreparedStatement s, int first, CertificateRequest r) throws SQLException {
        int i = first;
        s.setString(i++, r.profileId());
        s.setString(i++, r.status().name());
        Columns.setDer(s, i++, r.csr());
        s.setString(i++, r.requestedSubject());
        Columns.setOptionalString(s, i++, r.submitter());
        Columns.setInstant(s, i++, r.createdAt());
        Columns.setInstant(s, i++, r.updatedAt());
        if (r.serial().isPresent()) {
            s.setString(i++, r.serial().get().toHex());
        } else {
            s.setNull(i++, Types.VARCHAR);
        }
        Columns.setOptionalString(s, i++, r.reviewer());
        Columns.setOptionalString(s, i, r.reason());
    }

    static CertificateRequest read(ResultSet rs) throws SQLException {
        return new CertificateRequest(
                new RequestId(rs.getLong("id")),
                rs.getString("profile_id"),
                RequestStatus.valueOf(rs.getString("status")),
                Columns.der(rs, "csr"),
                rs.getString("requested_subject"),
                Columns.optionalString(rs, "submitter"),
                Columns.instant(rs, "created_at"),
                Columns.instant(rs, "updated_at"),
                Columns.optionalSerial(rs, "serial"),
                Columns.optionalString(rs, "reviewer"),
                Columns.optionalString(rs, "reason"));
    }
}
