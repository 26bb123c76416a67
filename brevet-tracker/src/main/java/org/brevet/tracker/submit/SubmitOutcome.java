package org.brevet.tracker.submit;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a CA said about one submission or poll. Every {@link Submitter} answers with one of these; the
 * state machine decides what it means for the request. The variants follow certmonger's helper exit codes
 * (reference certmonger.md §4.3).
 */
public sealed interface SubmitOutcome {

    /** Exit 0: the certificate (PEM, leaf first) and any further certificates the CA sent. */
    record Issued(String certificatePem, List<String> chainPem) implements SubmitOutcome {
        public Issued {
            Objects.requireNonNull(certificatePem, "certificatePem");
            chainPem = List.copyOf(chainPem);
        }
    }

    /** Exit 1 (no delay) or 5 (with delay): ask again later with the cookie. */
    record Wait(String cookie, Optional<Duration> delay) implements SubmitOutcome {
        public Wait {
            Objects.requireNonNull(cookie, "cookie");
            Objects.requireNonNull(delay, "delay");
        }
    }

    /** Exit 2: the CA refused the request. */
    record Rejected(String message) implements SubmitOutcome {
        public Rejected {
            Objects.requireNonNull(message, "message");
        }
    }

    /** Exit 3: the CA could not be reached; retry later. */
    record Unreachable(String message) implements SubmitOutcome {
        public Unreachable {
            Objects.requireNonNull(message, "message");
        }
    }

    /** Exit 4: the CA client is missing configuration (also: helper missing or not executable). */
    record Unconfigured(String message) implements SubmitOutcome {
        public Unconfigured {
            Objects.requireNonNull(message, "message");
        }
    }

    /** Exit 16: the CA speaks SCEP and needs PKCSReq/GetCertInitial messages. */
    record NeedsScepData() implements SubmitOutcome {
    }

    /** Exit 17: the CA wants a new key pair before it issues. */
    record NeedsRekey(String message) implements SubmitOutcome {
        public NeedsRekey {
            Objects.requireNonNull(message, "message");
        }
    }

    /** Exit 6 for a submission, or any exit code the protocol does not define. */
    record NeedsGuidance(String message) implements SubmitOutcome {
        public NeedsGuidance {
            Objects.requireNonNull(message, "message");
        }
    }
}
