package org.brevet.cli;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * A certificate request as the REST API shows it ({@code /ca/rest/certrequests/{id}} and the agent
 * view). Fields the server leaves out are null: serial and certificate until complete, reason unless
 * rejected or canceled, csr and submitter outside the agent view.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record CertRequestInfo(String requestId, String profileId, String status, String subject, String createdAt,
        String updatedAt, String serial, String certificate, String reason, String csr, String submitter) {
    static final String PENDING = "pending";
    static final String COMPLETE = "complete";

    boolean isPending() {
        return PENDING.equalsIgnoreCase(status);
    }

    boolean isComplete() {
        return COMPLETE.equalsIgnoreCase(status);
    }
}
