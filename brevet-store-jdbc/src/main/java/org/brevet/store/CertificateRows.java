package org.brevet.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import org.brevet.ca.api.CertificateRecord;
import org.brevet.ca.api.RequestId;

/**
 * Maps {@link CertificateRecord} to and from {@code certificates} joined with {@code certificate_status}
 * (which supplies the revocation time).
 */
final class CertificateRows {
    static final String INSERT = "INSERT INTO certificates (serial, subject, subject_lower, issuer, not_before, "
            + "not_after, der, request_id, profile_id, issued_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    /** Select list and join; the caller appends WHERE and ORDER BY. */
    static final String SELECT = "SELECT c.serial, c.subject, c.issuer, c.not_before, c.not_after, c.der, "
            + "c.request_id, c.profile_id, c.issued_at, s.revoked_at "
            + "FROM certificates c LEFT JOIN certificate_status s ON s.serial = c.serial";

    private CertificateRows() {
    }

    /** The lower-cased subject that case-insensitive searches compare against. */
    static String searchable(String subject) {
        return subject.toLowerCase(Locale.ROOT);
    }

    static void bindInsert(PreparedStatement s, CertificateRecord r) throws SQLException {
        s.setString(1, r.serial().toHex());
        s.setString(2, r.subject());
        s.setString(3, searchable(r.subject()));
        s.setString(4, r.issuer());
        Columns.setInstant(s, 5, r.notBefore());
        Columns.setInstant(s, 6, r.notAfter());
        Columns.setDer(s, 7, r.der());
        s.setLong(8, r.requestId().value());
        s.setString(9, r.profileId());
        Columns.setInstant(s, 10, r.issuedAt());
    }

    static CertificateRecord read(ResultSet rs) throws SQLException {
        return new CertificateRecord(
                Columns.serial(rs, "serial"),
                rs.getString("subject"),
                rs.getString("issuer"),
                Columns.instant(rs, "not_before"),
                Columns.instant(rs, "not_after"),
                Columns.der(rs, "der"),
                new RequestId(rs.getLong("request_id")),
                rs.getString("profile_id"),
                Columns.instant(rs, "issued_at"),
                Columns.optionalInstant(rs, "revoked_at"));
    }
}
