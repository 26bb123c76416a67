package org.brevet.cli;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/** A CA user ({@code /ca/rest/admin/users/{uid}}); the list view may leave out the certificates. */
@JsonIgnoreProperties(ignoreUnknown = true)
record UserInfo(String userId, String fullName, List<String> roles, List<UserCertificate> certificates) {
    UserInfo {
        roles = roles == null ? List.of() : List.copyOf(roles);
        certificates = certificates == null ? List.of() : List.copyOf(certificates);
    }

    /** A certificate mapped to the user (exact match on TLS client authentication). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record UserCertificate(String serial, String subject, String pem) {
    }
}
