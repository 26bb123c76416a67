package org.brevet.tracker.state;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.brevet.tracker.api.RequestState;
import org.brevet.tracker.state.Decision.Run;
import org.brevet.tracker.state.Decision.WaitForGuidance;
import org.brevet.tracker.state.Decision.WaitUntil;
import org.brevet.tracker.submit.SubmitOutcome;

/**
 * The tracker's rules as a pure function, after certmonger's {@code iterate.c} and {@code doc/design.txt}:
 * {@link #decide} says what to do next and when; {@link #begin} marks the request in flight;
 * {@link #apply} turns an action's {@link Outcome} into the next request. It never sleeps, reads no clock
 * and does no I/O, so scenario tests drive it directly with scripted outcomes.
 *
 * <p>Differences from certmonger, each a reference §9 complaint: waiting CA states retry with a bounded
 * {@link Backoff} instead of seven days (E2) and CA_UNCONFIGURED/NEED_CA retry by themselves (E3);
 * "needs a new key" answers are capped (E1); the certificate file is re-read before each renewal decision
 * (#2); short-lived certificates get shortened thresholds (E16); hook failures are kept (E18); a request
 * waiting on the CA is not resubmitted at start-up (#2).
 */
public final class StateMachine {
    /** certmonger's CM_DELAY_MONITOR_POLL: re-read monitored certificates at least this often. */
    static final Duration MONITOR_POLL = Duration.ofHours(24);

    private final Thresholds notify;
    private final Thresholds enroll;
    private final Backoff backoff;
    private final int maxRekeys;

    public StateMachine(Thresholds notify, Thresholds enroll, Backoff backoff, int maxRekeys) {
        this.notify = Objects.requireNonNull(notify, "notify");
        this.enroll = Objects.requireNonNull(enroll, "enroll");
        this.backoff = Objects.requireNonNull(backoff, "backoff");
        if (maxRekeys < 0) {
            throw new IllegalArgumentException("maxRekeys must be >= 0");
        }
        this.maxRekeys = maxRekeys;
    }

    public static StateMachine certmongerDefaults() {
        return new StateMachine(Thresholds.certmongerDefault(), Thresholds.certmongerDefault(), Backoff.standard(), 3);
    }

    /** What to do next with the request at {@code now}. */
    public Decision decide(TrackedRequest r, Instant now) {
        RequestSettings s = r.settings();
        switch (r.state()) {
            case NEWLY_ADDED:
                return new Run(Action.READ_EXISTING);
            case NEED_KEY_PAIR:
                return new Run(Action.GENERATE_KEY);
            case HAVE_KEY_PAIR:
            case HAVE_KEYINFO:
            case NEED_CSR:
                return new Run(Action.GENERATE_CSR);
            case HAVE_CSR:
            case NEED_TO_SUBMIT:
                return new Run(Action.SUBMIT);
            case CA_WORKING:
            case CA_UNREACHABLE:
            case CA_UNCONFIGURED:
            case NEED_CA:
                return when(r, now, Action.SUBMIT);
            case NEED_TO_SAVE_CERT:
                return when(r, now, s.preSaveCommand() != null ? Action.PRE_SAVE : Action.SAVE_CERT);
            case START_SAVING_CERT:
                return new Run(Action.SAVE_CERT);
            case SAVED_CERT:
                return new Run(s.postSaveCommand() != null ? Action.POST_SAVE : Action.NOTIFY_ISSUED);
            case NEED_TO_NOTIFY_ISSUED_SAVED:
                return new Run(Action.NOTIFY_ISSUED);
            case NEED_TO_NOTIFY_REJECTION:
                return new Run(Action.NOTIFY_REJECTION);
            case NEED_TO_NOTIFY_ISSUED_SAVE_FAILED:
                return new Run(Action.NOTIFY_SAVE_FAILED);
            case NEED_TO_NOTIFY_VALIDITY:
                return new Run(Action.NOTIFY_VALIDITY);
            case MONITORING:
                return monitoring(r, now);
            default:
                return new WaitForGuidance();
        }
    }

    /** The request as it is while {@code action} runs (persisted, so a crash is visible and rolled back). */
    public TrackedRequest begin(TrackedRequest r, Action action) {
        return r.withState(action.inFlight());
    }

    /** The request after {@code outcome} of the action it is in flight for. */
    public TrackedRequest apply(TrackedRequest r, Outcome outcome, Instant now) {
        Progress p = r.progress();
        if (outcome instanceof Outcome.Found f) {
            expect(r, RequestState.NEWLY_ADDED_READING_CERT);
            return found(r, f);
        }
        if (outcome instanceof Outcome.KeyReady k) {
            expect(r, RequestState.GENERATING_KEY_PAIR);
            Progress withKey = k.csrPem() == null ? p : p.withCsr(k.csrPem());
            return r.with(RequestState.NEED_CSR, withKey.withNextKeyPending(k.asNextKey()).withCa(p.caCookie(), null));
        }
        if (outcome instanceof Outcome.KeyFailed k) {
            return keyFailed(r, k);
        }
        if (outcome instanceof Outcome.CsrReady c) {
            expect(r, RequestState.GENERATING_CSR);
            return r.with(RequestState.NEED_TO_SUBMIT, p.withCsr(c.csrPem()).withCa(null, null).withNextAttempt(null));
        }
        if (outcome instanceof Outcome.Submitted sub) {
            expect(r, RequestState.SUBMITTING);
            return submitted(r, sub.answer(), now);
        }
        if (outcome instanceof Outcome.NoSuchCa n) {
            expect(r, RequestState.SUBMITTING);
            return retryLater(r, RequestState.NEED_CA, n.message(), now);
        }
        if (outcome instanceof Outcome.HookDone h) {
            return hookDone(r, h);
        }
        if (outcome instanceof Outcome.Saved saved) {
            expect(r, RequestState.SAVING_CERT);
            Progress next = p.withIssued(null, null).withNextKeyPending(false).withCa(null, null)
                    .withCounters(0, 0).withNextAttempt(null).withChecks(now, now)
                    .withPreviousSerial(r.cert() == null ? null : r.cert().serial());
            return r.with(RequestState.SAVED_CERT, saved.facts(), next);
        }
        if (outcome instanceof Outcome.SaveFailed f) {
            expect(r, RequestState.SAVING_CERT);
            RequestState next = switch (f.problem()) {
                case PERMS -> RequestState.NEED_CERTSAVE_PERMS;
                case UNUSABLE -> RequestState.NEED_GUIDANCE;
                case PIN, OTHER -> RequestState.NEED_TO_NOTIFY_ISSUED_SAVE_FAILED;
            };
            return r.with(next, p.withCa(p.caCookie(), f.message()).withCounters(p.attempts() + 1, p.rekeys()));
        }
        if (outcome instanceof Outcome.Checked c) {
            expect(r, RequestState.READING_CERT);
            return checked(r, c, now);
        }
        if (outcome instanceof Outcome.Notified) {
            return notified(r, now);
        }
        throw new AssertionError(outcome);
    }

    /**
     * certmonger's {@code cm_entry_reset_state}: after a restart no in-flight state is trusted; each goes
     * back to the stable state it started from, so the action runs again. Waiting states keep their timers.
     */
    public TrackedRequest resetAfterRestart(TrackedRequest r) {
        RequestState s = r.state();
        RequestState back = switch (s) {
            case NEWLY_ADDED_START_READING_KEYINFO, NEWLY_ADDED_READING_KEYINFO, NEWLY_ADDED_START_READING_CERT,
                    NEWLY_ADDED_READING_CERT, NEWLY_ADDED_DECIDING -> RequestState.NEWLY_ADDED;
            case GENERATING_KEY_PAIR -> RequestState.NEED_KEY_PAIR;
            case NEED_KEYINFO, READING_KEYINFO, GENERATING_CSR -> RequestState.NEED_CSR;
            case SUBMITTING -> RequestState.NEED_TO_SUBMIT;
            case GENERATING_SCEP_DATA -> RequestState.NEED_SCEP_DATA;
            case PRE_SAVE_CERT, START_SAVING_CERT, SAVING_CERT -> RequestState.NEED_TO_SAVE_CERT;
            case POST_SAVED_CERT, NEED_TO_READ_CERT -> RequestState.SAVED_CERT;
            case START_SAVING_CA_CERTS, SAVING_CA_CERTS -> RequestState.NEED_TO_SAVE_CA_CERTS;
            case START_SAVING_ONLY_CA_CERTS, SAVING_ONLY_CA_CERTS -> RequestState.NEED_TO_SAVE_ONLY_CA_CERTS;
            case READING_CERT, NEED_TO_NOTIFY_VALIDITY, NOTIFYING_VALIDITY -> RequestState.MONITORING;
            case NOTIFYING_REJECTION -> RequestState.NEED_TO_NOTIFY_REJECTION;
            case NOTIFYING_ISSUED_SAVE_FAILED -> RequestState.NEED_TO_NOTIFY_ISSUED_SAVE_FAILED;
            case NOTIFYING_ISSUED_CA_SAVE_FAILED -> RequestState.NEED_TO_NOTIFY_ISSUED_CA_SAVE_FAILED;
            case NOTIFYING_ONLY_CA_SAVE_FAILED -> RequestState.NEED_TO_NOTIFY_ONLY_CA_SAVE_FAILED;
            case NOTIFYING_ISSUED_SAVED -> RequestState.NEED_TO_NOTIFY_ISSUED_SAVED;
            case NEWLY_ADDED, NEWLY_ADDED_NEED_KEYINFO_READ_PIN, NEWLY_ADDED_NEED_KEYINFO_READ_TOKEN, NEED_KEY_PAIR,
                    NEED_KEY_GEN_PERMS, NEED_KEY_GEN_PIN, NEED_KEY_GEN_TOKEN, HAVE_KEY_PAIR, NEED_KEYINFO_READ_PIN,
                    NEED_KEYINFO_READ_TOKEN, HAVE_KEYINFO, NEED_CSR, NEED_CSR_GEN_PIN, NEED_CSR_GEN_TOKEN, HAVE_CSR,
                    NEED_SCEP_DATA, NEED_SCEP_GEN_PIN, NEED_SCEP_GEN_TOKEN, NEED_SCEP_ENCRYPTION_CERT,
                    NEED_SCEP_RSA_CLIENT_KEY, HAVE_SCEP_DATA, NEED_TO_SUBMIT, NEED_CA, CA_UNREACHABLE,
                    CA_UNCONFIGURED, CA_REJECTED, CA_WORKING, NEED_TO_SAVE_CERT, NEED_CERTSAVE_PERMS,
                    NEED_CERTSAVE_TOKEN, NEED_CERTSAVE_PIN, SAVED_CERT, NEED_TO_SAVE_CA_CERTS,
                    NEED_CA_CERT_SAVE_PERMS, NEED_TO_SAVE_ONLY_CA_CERTS, NEED_ONLY_CA_CERT_SAVE_PERMS, MONITORING,
                    NEED_TO_NOTIFY_REJECTION, NEED_TO_NOTIFY_ISSUED_SAVE_FAILED,
                    NEED_TO_NOTIFY_ISSUED_CA_SAVE_FAILED, NEED_TO_NOTIFY_ONLY_CA_SAVE_FAILED,
                    NEED_TO_NOTIFY_ISSUED_SAVED, NEED_GUIDANCE, INVALID -> s;
        };
        return back == s ? r : r.withState(back);
    }

    /** True while an action runs for the request (the state {@link #resetAfterRestart} would change). */
    public boolean isInFlight(TrackedRequest r) {
        return resetAfterRestart(r).state() != r.state();
    }

    /**
     * An action failed in a way no outcome describes (a bug or an unexpected environment): the in-flight
     * state is rolled back and the request waits for guidance, with the reason shown as its ca-error.
     */
    public TrackedRequest failed(TrackedRequest r, String reason) {
        TrackedRequest back = resetAfterRestart(r);
        return back.with(RequestState.NEED_GUIDANCE, back.progress().withCa(back.progress().caCookie(), reason));
    }

    /** {@code getcert resubmit} / {@code rekey}: start over from a new CSR (and a new key when rekeying). */
    public TrackedRequest resubmit(TrackedRequest r, boolean rekey) {
        Progress p = r.progress().withCa(null, null).withCounters(0, 0).withNextAttempt(null).withHookError(null);
        RequestState next = switch (r.state()) {
            case NEWLY_ADDED_NEED_KEYINFO_READ_PIN, NEWLY_ADDED_NEED_KEYINFO_READ_TOKEN -> RequestState.NEWLY_ADDED;
            case NEED_KEY_GEN_PIN, NEED_KEY_GEN_PERMS, NEED_KEY_GEN_TOKEN -> RequestState.NEED_KEY_PAIR;
            default -> rekey ? RequestState.NEED_KEY_PAIR : RequestState.NEED_CSR;
        };
        return r.with(next, p);
    }

    /** {@code getcert refresh}: a request waiting on its CA is retried now; others are left alone. */
    public Optional<TrackedRequest> refresh(TrackedRequest r, Instant now) {
        return switch (r.state()) {
            case CA_WORKING, CA_UNREACHABLE, CA_UNCONFIGURED, NEED_CA ->
                    Optional.of(r.with(r.state(), r.progress().withNextAttempt(now)));
            default -> Optional.empty();
        };
    }

    private Decision when(TrackedRequest r, Instant now, Action action) {
        Instant at = r.progress().nextAttempt();
        return at == null || !now.isBefore(at) ? new Run(action) : new WaitUntil(at);
    }

    private Decision monitoring(TrackedRequest r, Instant now) {
        Progress p = r.progress();
        Instant last = p.lastNotifyCheck();
        if (last == null || r.cert() == null) {
            return last != null && now.isBefore(last.plus(MONITOR_POLL))
                    ? new WaitUntil(last.plus(MONITOR_POLL)) : new Run(Action.CHECK_CERT);
        }
        CertFacts c = r.cert();
        boolean notifyDue = r.settings().track() && notify.crossed(c, p.lastNotifyCheck(), now);
        boolean enrollDue = r.settings().autoRenew() && enroll.crossed(c, p.lastEnrollCheck(), now);
        Instant poll = last.plus(MONITOR_POLL);
        if (notifyDue || enrollDue || !now.isBefore(poll)) {
            return new Run(Action.CHECK_CERT);
        }
        Instant next = poll;
        if (r.settings().track()) {
            next = earliest(next, notify.nextCrossing(c, now));
        }
        if (r.settings().autoRenew()) {
            next = earliest(next, enroll.nextCrossing(c, now));
        }
        return new WaitUntil(next);
    }

    private static Instant earliest(Instant a, Optional<Instant> b) {
        return b.isPresent() && b.get().isBefore(a) ? b.get() : a;
    }

    private TrackedRequest found(TrackedRequest r, Outcome.Found f) {
        Progress p = r.progress();
        if (f.cert().isPresent()) {
            return r.with(RequestState.MONITORING, f.cert().get(), p.withChecks(null, null));
        }
        if (f.keyPresent()) {
            return r.with(RequestState.NEED_CSR, null, p);
        }
        if (r.settings().hasKeyLocation()) {
            return r.with(RequestState.NEED_KEY_PAIR, null, p);
        }
        return r.with(RequestState.NEED_GUIDANCE, null,
                p.withCa(null, "no key or certificate location, don't know what to do about that"));
    }

    private TrackedRequest keyFailed(TrackedRequest r, Outcome.KeyFailed k) {
        if (r.state() == RequestState.NEWLY_ADDED_READING_CERT) {
            RequestState next = switch (k.problem()) {
                case PIN -> RequestState.NEWLY_ADDED_NEED_KEYINFO_READ_PIN;
                case PERMS, UNUSABLE, OTHER -> RequestState.NEED_GUIDANCE;
            };
            return r.with(next, r.progress().withCa(r.progress().caCookie(), k.message()));
        }
        boolean generating = r.state() == RequestState.GENERATING_KEY_PAIR;
        if (!generating) {
            expect(r, RequestState.GENERATING_CSR);
        }
        RequestState next = switch (k.problem()) {
            case PERMS -> generating ? RequestState.NEED_KEY_GEN_PERMS : RequestState.NEED_GUIDANCE;
            case PIN -> generating ? RequestState.NEED_KEY_GEN_PIN : RequestState.NEED_KEYINFO_READ_PIN;
            case UNUSABLE, OTHER -> RequestState.NEED_GUIDANCE;
        };
        return r.with(next, r.progress().withCa(r.progress().caCookie(), k.message()));
    }

    private TrackedRequest submitted(TrackedRequest r, SubmitOutcome a, Instant now) {
        Progress p = r.progress().withSubmitted(now);
        if (a instanceof SubmitOutcome.Issued i) {
            Progress next = p.withIssued(i.certificatePem(), i.chainPem()).withCa(null, null).withCounters(0, 0)
                    .withNextAttempt(null);
            return r.with(RequestState.NEED_TO_SAVE_CERT, next);
        }
        if (a instanceof SubmitOutcome.Wait w) {
            if (w.delay().isPresent()) {
                Progress next = p.withCa(w.cookie(), null).withNextAttempt(now.plus(w.delay().get()));
                return r.with(RequestState.CA_WORKING, next);
            }
            int attempt = p.attempts() + 1;
            Progress next = p.withCa(w.cookie(), null).withCounters(attempt, p.rekeys())
                    .withNextAttempt(backoff.next(attempt, now, r.cert()));
            return r.with(RequestState.CA_WORKING, next);
        }
        if (a instanceof SubmitOutcome.Rejected rej) {
            return r.with(RequestState.NEED_TO_NOTIFY_REJECTION, p.withCa(null, rej.message()).withNextAttempt(null));
        }
        if (a instanceof SubmitOutcome.Unreachable u) {
            return retryLater(r.with(r.state(), p), RequestState.CA_UNREACHABLE, u.message(), now);
        }
        if (a instanceof SubmitOutcome.Unconfigured u) {
            if (r.cert() != null) {
                return r.with(RequestState.MONITORING, p.withCa(null, u.message()).withNextAttempt(null));
            }
            return retryLater(r.with(r.state(), p), RequestState.CA_UNCONFIGURED, u.message(), now);
        }
        if (a instanceof SubmitOutcome.NeedsRekey k) {
            int rekeys = p.rekeys() + 1;
            if (rekeys > maxRekeys) {
                String why = "the CA asked for a new key " + rekeys + " times in a row; giving up: " + k.message();
                return r.with(RequestState.NEED_GUIDANCE, p.withCa(null, why).withCounters(p.attempts(), rekeys));
            }
            return r.with(RequestState.NEED_KEY_PAIR, p.withCa(null, k.message()).withCounters(p.attempts(), rekeys));
        }
        if (a instanceof SubmitOutcome.NeedsScepData) {
            return r.with(RequestState.NEED_GUIDANCE, p.withCa(null, "the CA needs SCEP messages; SCEP is not supported yet"));
        }
        if (a instanceof SubmitOutcome.NeedsGuidance g) {
            return r.with(RequestState.NEED_GUIDANCE, p.withCa(p.caCookie(), g.message()));
        }
        throw new AssertionError(a);
    }

    private TrackedRequest retryLater(TrackedRequest r, RequestState state, String error, Instant now) {
        Progress p = r.progress();
        int attempt = p.attempts() + 1;
        Progress next = p.withCa(p.caCookie(), error).withCounters(attempt, p.rekeys())
                .withNextAttempt(backoff.next(attempt, now, r.cert()));
        return r.with(state, next);
    }

    private TrackedRequest hookDone(TrackedRequest r, Outcome.HookDone h) {
        Progress p = r.progress();
        if (r.state() == RequestState.PRE_SAVE_CERT) {
            return r.with(RequestState.START_SAVING_CERT, p.withHookError(h.failure().orElse(null)));
        }
        expect(r, RequestState.POST_SAVED_CERT);
        String error = h.failure().orElse(p.hookError());
        return r.with(RequestState.NEED_TO_NOTIFY_ISSUED_SAVED, p.withHookError(error));
    }

    private TrackedRequest checked(TrackedRequest r, Outcome.Checked c, Instant now) {
        Progress p = r.progress();
        if (c.cert().isEmpty()) {
            return r.with(RequestState.NEWLY_ADDED, null, p.withChecks(null, null));
        }
        CertFacts facts = c.cert().get();
        boolean notifyDue = r.settings().track() && notify.crossed(facts, p.lastNotifyCheck(), now);
        boolean enrollDue = r.settings().autoRenew() && enroll.crossed(facts, p.lastEnrollCheck(), now);
        if (notifyDue) {
            return r.with(RequestState.NEED_TO_NOTIFY_VALIDITY, facts, p.withChecks(now, p.lastEnrollCheck()));
        }
        if (enrollDue) {
            return startRenewal(r.with(r.state(), facts, p), now);
        }
        return r.with(RequestState.MONITORING, facts, p.withChecks(now, now));
    }

    private TrackedRequest notified(TrackedRequest r, Instant now) {
        Progress p = r.progress();
        switch (r.state()) {
            case NOTIFYING_ISSUED_SAVED:
                return r.with(RequestState.MONITORING, p.withCounters(0, 0));
            case NOTIFYING_REJECTION:
                return r.with(r.cert() != null ? RequestState.MONITORING : RequestState.CA_REJECTED, p);
            case NOTIFYING_ISSUED_SAVE_FAILED:
                return r.with(RequestState.NEED_TO_SAVE_CERT,
                        p.withNextAttempt(backoff.next(p.attempts(), now, r.cert())));
            case NOTIFYING_VALIDITY:
                boolean enrollDue = r.settings().autoRenew() && r.cert() != null
                        && enroll.crossed(r.cert(), p.lastEnrollCheck(), now);
                return enrollDue ? startRenewal(r, now)
                        : r.with(RequestState.MONITORING, p.withChecks(p.lastNotifyCheck(), now));
            default:
                throw new IllegalStateException("request " + r.id() + " is not notifying but " + r.state());
        }
    }

    private TrackedRequest startRenewal(TrackedRequest r, Instant now) {
        Progress p = r.progress().withChecks(now, now).withCa(null, null).withCounters(0, 0).withNextAttempt(null);
        return r.with(RequestState.NEED_CSR, p);
    }

    private static void expect(TrackedRequest r, RequestState state) {
        if (r.state() != state) {
            throw new IllegalStateException("request " + r.id() + " is in " + r.state() + ", not " + state);
        }
    }
}
