package org.brevet.tracker.state;

import java.util.Objects;
import java.util.Optional;
import org.brevet.tracker.submit.SubmitOutcome;

/** The result of one {@link Action}, fed back to {@link StateMachine#apply}. */
public sealed interface Outcome {

    /** Why a key-store operation failed: maps to certmonger's NEED_*_PERMS / NEED_*_PIN states. */
    enum Problem {
        PERMS,
        PIN,
        /** What the CA sent cannot be used (e.g. a certificate for another key): retrying will not help. */
        UNUSABLE,
        OTHER
    }

    /** READ_EXISTING: what was found at the locations. */
    record Found(Optional<CertFacts> cert, boolean keyPresent) implements Outcome {
        public Found {
            Objects.requireNonNull(cert, "cert");
        }
    }

    /**
     * GENERATE_KEY succeeded; {@code asNextKey} when it was written beside a current key (rekey). {@code csrPem}
     * (nullable) is the CSR a store made with the new key (NSS), kept until the real CSR replaces it.
     */
    record KeyReady(boolean asNextKey, String csrPem) implements Outcome {
        public KeyReady(boolean asNextKey) {
            this(asNextKey, null);
        }
    }

    /** READ_EXISTING (key store unreadable), GENERATE_KEY or GENERATE_CSR (key unreadable) failed. */
    record KeyFailed(Problem problem, String message) implements Outcome {
        public KeyFailed {
            Objects.requireNonNull(problem, "problem");
            Objects.requireNonNull(message, "message");
        }
    }

    /** GENERATE_CSR succeeded. */
    record CsrReady(String csrPem) implements Outcome {
        public CsrReady {
            Objects.requireNonNull(csrPem, "csrPem");
        }
    }

    /** SUBMIT: the CA's answer. */
    record Submitted(SubmitOutcome answer) implements Outcome {
        public Submitted {
            Objects.requireNonNull(answer, "answer");
        }
    }

    /** SUBMIT: the request names a CA the tracker does not know. */
    record NoSuchCa(String message) implements Outcome {
        public NoSuchCa {
            Objects.requireNonNull(message, "message");
        }
    }

    /** PRE_SAVE or POST_SAVE ran; {@code failure} describes a failing or timed-out command. */
    record HookDone(Optional<String> failure) implements Outcome {
        public HookDone {
            Objects.requireNonNull(failure, "failure");
        }
    }

    /** SAVE_CERT wrote the certificate (and key, CA files); the facts of what is now on disk. */
    record Saved(CertFacts facts) implements Outcome {
        public Saved {
            Objects.requireNonNull(facts, "facts");
        }
    }

    record SaveFailed(Problem problem, String message) implements Outcome {
        public SaveFailed {
            Objects.requireNonNull(problem, "problem");
            Objects.requireNonNull(message, "message");
        }
    }

    /** CHECK_CERT: the certificate now at the location (empty if it vanished). */
    record Checked(Optional<CertFacts> cert) implements Outcome {
        public Checked {
            Objects.requireNonNull(cert, "cert");
        }
    }

    /** Any NOTIFY_* action was sent. */
    record Notified() implements Outcome {
    }
}
