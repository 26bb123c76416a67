package org.brevet.ca.api;

import java.util.List;

/** End-entity enrollment (REST today; CMC, SCEP and ACME adapters call the same use case). */
public interface Enrollment {
    /**
     * Checks the CSR (parse, signature) and the profile's constraints, stores the request and, when the
     * profile's approval rule allows it for this caller, issues at once. Bad input fails with MALFORMED,
     * BAD_SIGNATURE, UNKNOWN_PROFILE or REJECTED_BY_POLICY and stores nothing.
     */
    EnrollmentResult submit(Caller caller, EnrollmentRequest request);

    /** A request's current state, with the certificate when complete. NOT_FOUND if unknown. */
    EnrollmentResult status(RequestId id);

    /** Enabled, visible profiles. */
    List<ProfileSummary> enrollableProfiles();
}
