package org.brevet.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.brevet.ca.api.CertificateRecord;
import org.brevet.ca.api.CertificateRequest;
import org.brevet.ca.api.RequestId;
import org.brevet.ca.api.RequestStatus;
import org.brevet.ca.api.store.IssuanceRepository;
import org.brevet.pki.BrevetException;
import org.brevet.pki.Der;
import org.brevet.pki.ErrorKind;
import org.brevet.pki.SerialNumber;

/**
 * The durable steps of issuance, one commit each: the intent (serial and TBSCertificate) before signing,
 * then the certificate together with its request's new state. The {@code serials} primary key keeps any
 * serial from being used twice; the foreign key from {@code certificates} keeps a certificate from being
 * stored without its recorded intent.
 */
final class JdbcIssuanceRepository implements IssuanceRepository {
    private static final String INSERT_INTENT = "INSERT INTO serials (serial, request_id, tbs) VALUES (?, ?, ?)";

    private final Jdbc jdbc;

    JdbcIssuanceRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void recordIntent(SerialNumber serial, RequestId requestId, Der tbsCertificate) {
        jdbc.write(c -> {
            try (PreparedStatement s = c.prepareStatement(INSERT_INTENT)) {
                s.setString(1, serial.toHex());
                s.setLong(2, requestId.value());
                Columns.setDer(s, 3, tbsCertificate);
                return Jdbc.update(s, () -> "serial " + serial + " was already used");
            }
        });
    }

    @Override
    public void storeIssued(CertificateRecord certificate, RequestStatus expected, CertificateRequest completed) {
        requireSameRequest(certificate, completed);
        jdbc.write(c -> {
            if (!JdbcRequestRepository.transition(c, expected, completed)) {
                throw new BrevetException(ErrorKind.CONFLICT,
                        "request " + completed.id() + " is no longer " + expected.wireName());
            }
            insertCertificate(c, certificate);
            return null;
        });
    }

    @Override
    public void storeIssuedWithNewRequest(CertificateRecord certificate, CertificateRequest completed) {
        requireSameRequest(certificate, completed);
        jdbc.write(c -> {
            JdbcRequestRepository.insert(c, completed);
            insertCertificate(c, certificate);
            return null;
        });
    }

    private void insertCertificate(Connection c, CertificateRecord certificate) throws SQLException {
        if (certificate.revokedAt().isPresent()) {
            throw new IllegalArgumentException("a newly issued certificate cannot carry a revocation");
        }
        try (PreparedStatement s = c.prepareStatement(CertificateRows.INSERT)) {
            CertificateRows.bindInsert(s, certificate);
            Jdbc.update(s, () -> "certificate " + certificate.serial() + " is already stored");
        } catch (SQLException e) {
            if (SqlFailures.isMissingParent(e, jdbc.dialect())) {
                throw new BrevetException(ErrorKind.CONFLICT,
                        "no intent was recorded for serial " + certificate.serial() + " before it was signed", e);
            }
            throw e;
        }
    }

    private static void requireSameRequest(CertificateRecord certificate, CertificateRequest request) {
        if (!certificate.requestId().equals(request.id())) {
            throw new IllegalArgumentException("certificate " + certificate.serial() + " belongs to request "
                    + certificate.requestId() + ", not " + request.id());
        }
    }
}
