package org.brevet.ca.api;

import java.util.Objects;
import org.brevet.pki.Der;

/**
 * An enrollment as submitted over any protocol.
 *
 * @param csrBytes the PKCS#10 request, PEM or DER, exactly as received (the authority parses and verifies it)
 */
public record EnrollmentRequest(String profileId, Der csrBytes) {
    public EnrollmentRequest {
        Objects.requireNonNull(profileId, "profileId");
        Objects.requireNonNull(csrBytes, "csrBytes");
    }
}
