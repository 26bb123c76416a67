package org.brevet.bench;

import java.math.BigInteger;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Loads revoked certificates straight into a migrated Brevet database with JDBC batches: a request, an
 * issuance intent, a certificate and a revocation per serial, as issuance and revocation leave them. The
 * repositories commit one issuance at a time, which would make loading a million rows the benchmark;
 * CRL generation reads only these rows, so how they got there does not change what is measured.
 */
final class RevokedRows {
    private static final String[] REASONS = {"unspecified", "keyCompromise", "affiliationChanged", "superseded",
        "cessationOfOperation", "certificateHold"};
    private static final int BATCH = 5_000;

    private final Connection connection;
    private final byte[] certificateDer;
    private final String issuer;

    RevokedRows(Connection connection, byte[] certificateDer, String issuer) {
        this.connection = connection;
        this.certificateDer = certificateDer;
        this.issuer = issuer;
    }

    /** Adds rows for serials {@code from} (inclusive) to {@code to} (exclusive), revoked over the last days. */
    void insert(long from, long to, Instant now) throws SQLException {
        connection.setAutoCommit(false);
        try (PreparedStatement requests = connection.prepareStatement("INSERT INTO requests (id, profile_id, status, csr, "
                + "requested_subject, submitter, created_at, updated_at, serial, reviewer, reason) "
                + "VALUES (?, 'caServerCert', 'complete', ?, ?, 'bench', ?, ?, ?, 'bench', NULL)");
             PreparedStatement serials = connection.prepareStatement(
                     "INSERT INTO serials (serial, request_id, tbs) VALUES (?, ?, ?)");
             PreparedStatement certificates = connection.prepareStatement("INSERT INTO certificates (serial, subject, "
                     + "subject_lower, issuer, not_before, not_after, der, request_id, profile_id, issued_at) "
                     + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'caServerCert', ?)");
             PreparedStatement revocations = connection.prepareStatement("INSERT INTO certificate_status (serial, "
                     + "revoked_at, reason, revoked_by, invalidity_date, revocation_comment) VALUES (?, ?, ?, 'bench', ?, NULL)")) {
            OffsetDateTime issued = OffsetDateTime.ofInstant(now.minusSeconds(30L * 86_400), ZoneOffset.UTC);
            OffsetDateTime expires = OffsetDateTime.ofInstant(now.plusSeconds(365L * 86_400), ZoneOffset.UTC);
            BigInteger base = BigInteger.ONE.shiftLeft(120);
            for (long i = from; i < to; i++) {
                String serial = base.add(BigInteger.valueOf(i)).toString(16);
                String subject = "CN=host" + i + ".bench.example.com";
                long requestId = i + 1;
                OffsetDateTime revoked = OffsetDateTime.ofInstant(now.minusSeconds(i % 2_000_000), ZoneOffset.UTC);
                requests.setLong(1, requestId);
                requests.setBytes(2, certificateDer);
                requests.setString(3, subject);
                requests.setObject(4, issued);
                requests.setObject(5, issued);
                requests.setString(6, serial);
                requests.addBatch();
                serials.setString(1, serial);
                serials.setLong(2, requestId);
                serials.setBytes(3, certificateDer);
                serials.addBatch();
                certificates.setString(1, serial);
                certificates.setString(2, subject);
                certificates.setString(3, subject.toLowerCase(java.util.Locale.ROOT));
                certificates.setString(4, issuer);
                certificates.setObject(5, issued);
                certificates.setObject(6, expires);
                certificates.setBytes(7, certificateDer);
                certificates.setLong(8, requestId);
                certificates.setObject(9, issued);
                certificates.addBatch();
                revocations.setString(1, serial);
                revocations.setObject(2, revoked);
                revocations.setString(3, REASONS[(int) (i % REASONS.length)]);
                revocations.setObject(4, i % 3 == 0 ? revoked.minusDays(1) : null);
                revocations.addBatch();
                if ((i - from + 1) % BATCH == 0 || i == to - 1) {
                    requests.executeBatch();
                    serials.executeBatch();
                    certificates.executeBatch();
                    revocations.executeBatch();
                    connection.commit();
                }
            }
        } catch (SQLException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
    }
}
