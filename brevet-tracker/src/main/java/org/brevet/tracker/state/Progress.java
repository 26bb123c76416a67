package org.brevet.tracker.state;

import java.time.Instant;
import java.util.List;

/**
 * The machine's working memory for one request: the CSR, an issued certificate not yet saved, the CA's
 * cookie and error, failure counters and timers. Nullable fields are unset. Changed only by
 * {@link StateMachine}.
 *
 * @param issuedPem   certificate issued but not yet saved (kept so a crash between issue and save loses nothing)
 * @param chainPem    further certificates that came with it
 * @param attempts    failed CA contacts in a row (drives the back-off)
 * @param rekeys      consecutive "needs a new key" answers (exit 17), capped
 * @param nextKeyPending a freshly generated key waits beside the current one until its certificate is saved
 * @param nextAttempt when a waiting state is due
 * @param previousSerial serial of the certificate replaced by the last save (for the post-save command)
 */
public record Progress(
        String csrPem,
        String issuedPem,
        List<String> chainPem,
        String caCookie,
        String caError,
        String hookError,
        int attempts,
        int rekeys,
        boolean nextKeyPending,
        Instant nextAttempt,
        Instant submitted,
        Instant lastNotifyCheck,
        Instant lastEnrollCheck,
        String previousSerial) {

    public Progress {
        chainPem = List.copyOf(chainPem == null ? List.of() : chainPem);
    }

    public static Progress initial() {
        return new Progress(null, null, List.of(), null, null, null, 0, 0, false, null, null, null, null, null);
    }

    Progress withCsr(String csr) {
        return new Progress(csr, issuedPem, chainPem, caCookie, caError, hookError, attempts, rekeys, nextKeyPending,
                nextAttempt, submitted, lastNotifyCheck, lastEnrollCheck, previousSerial);
    }

    Progress withIssued(String issued, List<String> chain) {
        return new Progress(csrPem, issued, chain, caCookie, caError, hookError, attempts, rekeys, nextKeyPending,
                nextAttempt, submitted, lastNotifyCheck, lastEnrollCheck, previousSerial);
    }

    Progress withCa(String cookie, String error) {
        return new Progress(csrPem, issuedPem, chainPem, cookie, error, hookError, attempts, rekeys, nextKeyPending,
                nextAttempt, submitted, lastNotifyCheck, lastEnrollCheck, previousSerial);
    }

    Progress withHookError(String error) {
        return new Progress(csrPem, issuedPem, chainPem, caCookie, caError, error, attempts, rekeys, nextKeyPending,
                nextAttempt, submitted, lastNotifyCheck, lastEnrollCheck, previousSerial);
    }

    Progress withCounters(int newAttempts, int newRekeys) {
        return new Progress(csrPem, issuedPem, chainPem, caCookie, caError, hookError, newAttempts, newRekeys,
                nextKeyPending, nextAttempt, submitted, lastNotifyCheck, lastEnrollCheck, previousSerial);
    }

    Progress withNextKeyPending(boolean pending) {
        return new Progress(csrPem, issuedPem, chainPem, caCookie, caError, hookError, attempts, rekeys, pending,
                nextAttempt, submitted, lastNotifyCheck, lastEnrollCheck, previousSerial);
    }

    Progress withNextAttempt(Instant when) {
        return new Progress(csrPem, issuedPem, chainPem, caCookie, caError, hookError, attempts, rekeys,
                nextKeyPending, when, submitted, lastNotifyCheck, lastEnrollCheck, previousSerial);
    }

    Progress withSubmitted(Instant when) {
        return new Progress(csrPem, issuedPem, chainPem, caCookie, caError, hookError, attempts, rekeys,
                nextKeyPending, nextAttempt, when, lastNotifyCheck, lastEnrollCheck, previousSerial);
    }

    Progress withPreviousSerial(String serial) {
        return new Progress(csrPem, issuedPem, chainPem, caCookie, caError, hookError, attempts, rekeys,
                nextKeyPending, nextAttempt, submitted, lastNotifyCheck, lastEnrollCheck, serial);
    }

    Progress withChecks(Instant notify, Instant enroll) {
        return new Progress(csrPem, issuedPem, chainPem, caCookie, caError, hookError, attempts, rekeys,
                nextKeyPending, nextAttempt, submitted, notify, enroll, previousSerial);
    }
}
