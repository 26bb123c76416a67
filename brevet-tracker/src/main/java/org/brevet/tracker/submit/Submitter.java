package org.brevet.tracker.submit;

/**
 * Sends a CSR to a CA (or polls it) and reports what the CA said. Implementations: {@link SelfSignSubmitter},
 * {@link LocalCaSubmitter}, {@link HelperSubmitter} (certmonger's helper protocol); a Brevet REST submitter
 * and SCEP/ACME ones slot in here. A submitter never throws for what a CA can answer: unreachable,
 * rejected, unconfigured are {@link SubmitOutcome} values.
 */
public interface Submitter {

    SubmitOutcome submit(SubmitRequest request);

    /** True when the submitter signs with the request's own key and needs {@link SubmitRequest#keyPair()}. */
    default boolean needsKey() {
        return false;
    }
}
