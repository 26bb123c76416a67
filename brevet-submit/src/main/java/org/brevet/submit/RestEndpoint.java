package org.brevet.submit;

import java.util.List;
import org.brevet.cli.EnrollmentClient;
import org.brevet.cli.EnrollmentClient.RequestState;

/** {@link CaEndpoint} over the Brevet CA's REST API. */
record RestEndpoint(EnrollmentClient client) implements CaEndpoint {
    @Override
    public RequestState submit(String profileId, String csrPem) {
        return client.submit(profileId, csrPem);
    }

    @Override
    public RequestState request(String requestId) {
        return client.request(requestId);
    }

    @Override
    public String caCertificates() {
        return client.caCertificates();
    }

    @Override
    public List<String> enrollmentProfiles() {
        return client.enrollmentProfiles();
    }
}
