package org.brevet.submit;

import java.util.List;
import org.brevet.cli.EnrollmentClient.RequestState;

/**
 * What the helper needs from a Brevet CA. Failures are {@link org.brevet.pki.BrevetException}s whose kind
 * says whether to retry ({@code UNAVAILABLE}), fix the configuration ({@code UNAUTHORIZED}) or give up.
 */
interface CaEndpoint {
    RequestState submit(String profileId, String csrPem);

    RequestState request(String requestId);

    /** PEM chain, CA certificate first. */
    String caCertificates();

    List<String> enrollmentProfiles();
}
