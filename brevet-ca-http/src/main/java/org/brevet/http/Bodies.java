package org.brevet.http;

import java.util.List;
import java.util.Optional;
import org.brevet.pki.BrevetException;

/** The JSON request bodies of the REST API; each checks its required fields and names a missing one. */
final class Bodies {
    private Bodies() {
    }

    record Enroll(String profileId, String csr) {
        Enroll {
            required("profileId", profileId);
            required("csr", csr);
        }
    }

    record Reason(String reason) {
        Optional<String> text() {
            return Optional.ofNullable(reason).filter(r -> !r.isBlank());
        }
    }

    record NewUser(String userId, String fullName, List<String> roles) {
        NewUser {
            required("userId", userId);
            fullName = fullName == null ? userId : fullName;
            roles = roles == null ? List.of() : List.copyOf(roles);
        }
    }

    record NewRole(String role) {
        NewRole {
            required("role", role);
        }
    }

    record NewCertificate(String certificate) {
        NewCertificate {
            required("certificate", certificate);
        }
    }

    private static void required(String field, String value) {
        if (value == null || value.isBlank()) {
            throw BrevetException.malformed(field + ": required", null);
        }
    }
}
