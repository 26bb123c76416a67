package org.brevet.tracker.state;

import org.brevet.tracker.api.RequestState;

/**
 * The work the scheduler performs for a request, each with the in-flight state the request is in while
 * the work runs (certmonger's DOING_X). In-flight states are never trusted after a restart
 * ({@link StateMachine#resetAfterRestart}).
 */
public enum Action {
    /** Look at the key and certificate locations of a newly added request. */
    READ_EXISTING(RequestState.NEWLY_ADDED_READING_CERT),
    GENERATE_KEY(RequestState.GENERATING_KEY_PAIR),
    GENERATE_CSR(RequestState.GENERATING_CSR),
    /** Submit the CSR, or poll with the CA's cookie. */
    SUBMIT(RequestState.SUBMITTING),
    PRE_SAVE(RequestState.PRE_SAVE_CERT),
    SAVE_CERT(RequestState.SAVING_CERT),
    POST_SAVE(RequestState.POST_SAVED_CERT),
    /** Re-read the certificate file (notices out-of-band replacement) and evaluate the thresholds. */
    CHECK_CERT(RequestState.READING_CERT),
    NOTIFY_VALIDITY(RequestState.NOTIFYING_VALIDITY),
    NOTIFY_REJECTION(RequestState.NOTIFYING_REJECTION),
    NOTIFY_SAVE_FAILED(RequestState.NOTIFYING_ISSUED_SAVE_FAILED),
    NOTIFY_ISSUED(RequestState.NOTIFYING_ISSUED_SAVED);

    private final RequestState inFlight;

    Action(RequestState inFlight) {
        this.inFlight = inFlight;
    }

    public RequestState inFlight() {
        return inFlight;
    }
}
