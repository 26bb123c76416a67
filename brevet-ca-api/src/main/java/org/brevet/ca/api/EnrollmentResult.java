package org.brevet.ca.api;

import java.util.Objects;
import java.util.Optional;

/** What enrollment answers: the request and, when issued at once, the certificate. */
public record EnrollmentResult(CertificateRequest request, Optional<CertificateRecord> certificate) {
    public EnrollmentResult {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(certificate, "certificate");
    }
}
