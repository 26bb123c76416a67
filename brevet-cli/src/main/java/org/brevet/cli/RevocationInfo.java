package org.brevet.cli;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A certificate's revocation status as {@code .../revoke} and {@code .../unrevoke} answer it: status
 * REVOKED, ON_HOLD or VALID, and for a revoked or held certificate the reason (RFC 5280 name), times,
 * who revoked it and the comment. Fields the server leaves out are null.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
record RevocationInfo(String serial, String status, String reason, String revokedAt, String invalidityDate,
        String revokedBy, String comment) {
}
