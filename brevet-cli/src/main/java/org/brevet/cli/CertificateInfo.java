package org.brevet.cli;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * A certificate as {@code /ca/rest/certs} lists it; {@code /ca/rest/certs/{serial}} adds issuedAt,
 * revokedAt (when revoked) and the PEM. Fields the server leaves out are null.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record CertificateInfo(String serial, String subject, String issuer, String notBefore, String notAfter,
        String status, String requestId, String profileId, String issuedAt, String revokedAt, String pem) {
}
