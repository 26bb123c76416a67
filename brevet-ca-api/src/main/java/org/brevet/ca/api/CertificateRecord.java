package org.brevet.ca.api;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.brevet.pki.Der;
import org.brevet.pki.SerialNumber;

/**
 * An issued certificate as stored: append-only. Revocation lives apart (see {@link #revokedAt()}), filled
 * by the store from its status table.
 *
 * @param subject   subject DN, RFC 4514
 * @param issuer    issuer DN, RFC 4514
 * @param der       the certificate
 * @param requestId the request it was issued for
 * @param revokedAt when it was revoked, if it was
 */
public record CertificateRecord(
        SerialNumber serial,
        String subject,
        String issuer,
        Instant notBefore,
        Instant notAfter,
        Der der,
        RequestId requestId,
        String profileId,
        Instant issuedAt,
        Optional<Instant> revokedAt) {

    public CertificateRecord {
        Objects.requireNonNull(serial, "serial");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(notBefore, "notBefore");
        Objects.requireNonNull(notAfter, "notAfter");
        Objects.requireNonNull(der, "der");
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(profileId, "profileId");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(revokedAt, "revokedAt");
    }

    /** Status at the given time: revoked wins over expired. */
    public CertificateStatus statusAt(Instant now) {
        if (revokedAt.isPresent()) {
            return CertificateStatus.REVOKED;
        }
        return now.isAfter(notAfter) ? CertificateStatus.EXPIRED : CertificateStatus.VALID;
    }
}
