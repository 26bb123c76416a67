package org.brevet.tracker.state;

import java.time.Instant;
import java.util.Objects;

/** What {@link StateMachine#decide} says to do next for one request: never "sleep", only what and when. */
public sealed interface Decision {

    /** Perform the action now. */
    record Run(Action action) implements Decision {
        public Run {
            Objects.requireNonNull(action, "action");
        }
    }

    /** Nothing to do before {@code when}; ask again then. */
    record WaitUntil(Instant when) implements Decision {
        public WaitUntil {
            Objects.requireNonNull(when, "when");
        }
    }

    /** Nothing will happen until a user acts (resubmit, fix the CA, supply a PIN): certmonger's "stuck". */
    record WaitForGuidance() implements Decision {
    }
}
