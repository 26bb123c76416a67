package org.brevet.ca.api;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.brevet.pki.Der;
import org.brevet.pki.SerialNumber;

/**
 * A stored certificate request and its outcome.
 *
 * @param requestedSubject the subject DN as the CSR states it (RFC 4514)
 * @param submitter        the user who submitted it, empty when anonymous
 * @param reviewer         the agent who approved, rejected or canceled it
 * @param reason           why it was rejected or canceled
 */
public record CertificateRequest(
        RequestId id,
        String profileId,
        RequestStatus status,
        Der csr,
        String requestedSubject,
        Optional<String> submitter,
        Instant createdAt,
        Instant updatedAt,
        Optional<SerialNumber> serial,
        Optional<String> reviewer,
        Optional<String> reason) {

    public CertificateRequest {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(profileId, "profileId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(csr, "csr");
        Objects.requireNonNull(requestedSubject, "requestedSubject");
        Objects.requireNonNull(submitter, "submitter");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        Objects.requireNonNull(serial, "serial");
        Objects.requireNonNull(reviewer, "reviewer");
        Objects.requireNonNull(reason, "reason");
    }

    public CertificateRequest completed(SerialNumber issued, Optional<String> by, Instant at) {
        return new CertificateRequest(id, profileId, RequestStatus.COMPLETE, csr, requestedSubject, submitter,
                createdAt, at, Optional.of(issued), by, Optional.empty());
    }

    public CertificateRequest closed(RequestStatus newStatus, String by, Optional<String> why, Instant at) {
        return new CertificateRequest(id, profileId, newStatus, csr, requestedSubject, submitter,
                createdAt, at, Optional.empty(), Optional.of(by), why);
    }
}
