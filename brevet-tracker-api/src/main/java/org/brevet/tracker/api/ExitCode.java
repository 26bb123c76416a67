package org.brevet.tracker.api;

/**
 * getcert's exit codes (reference certmonger.md §1.9 and §1.12): the answer of {@code getcert status} and of
 * {@code request/resubmit/rekey/start-tracking -w}.
 */
public enum ExitCode {
    /** Issued and monitored (MONITORING); or, without {@code -w}, the daemon accepted the command. */
    OK(0),
    /** Could not talk to the daemon, no such request, or the command failed. */
    ERROR(1),
    /** CA_REJECTED. */
    REJECTED(2),
    /** CA_UNREACHABLE. */
    UNREACHABLE(3),
    /** Any other state where the daemon waits for outside action (stuck: yes). */
    STUCK(4),
    /** Still in progress (CA_WORKING, generating, submitting ...). */
    WORKING(5);

    private final int code;

    ExitCode(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** certmonger's mapping from a request's state to the status exit code. */
    public static ExitCode forState(RequestState state) {
        if (state == RequestState.MONITORING) {
            return OK;
        }
        if (state == RequestState.CA_REJECTED) {
            return REJECTED;
        }
        if (state == RequestState.CA_UNREACHABLE) {
            return UNREACHABLE;
        }
        return state.isStuck() ? STUCK : WORKING;
    }

    /** True when {@code -w} may stop waiting: the request is issued, or will not move without help. */
    public static boolean isFinal(RequestState state) {
        ExitCode c = forState(state);
        return c != WORKING;
    }
}
