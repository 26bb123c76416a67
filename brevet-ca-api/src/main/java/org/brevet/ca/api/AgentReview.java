package org.brevet.ca.api;

import java.util.Optional;

/** What agents do with pending requests. Every method requires the AGENT role (UNAUTHORIZED otherwise). */
public interface AgentReview {
    Page<CertificateRequest> list(Caller agent, RequestQuery query);

    CertificateRequest get(Caller agent, RequestId id);

    /** Issues the certificate. CONFLICT if the request is not pending (approving twice). */
    EnrollmentResult approve(Caller agent, RequestId id);

    CertificateRequest reject(Caller agent, RequestId id, Optional<String> reason);

    CertificateRequest cancel(Caller agent, RequestId id, Optional<String> reason);
}
