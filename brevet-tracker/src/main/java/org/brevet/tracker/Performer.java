package org.brevet.tracker;

import org.brevet.tracker.state.Action;
import org.brevet.tracker.state.Outcome;
import org.brevet.tracker.state.TrackedRequest;

/** Performs actions for the {@link Scheduler}; {@link ActionRunner} is the real one. */
interface Performer {
    Outcome run(TrackedRequest request, Action action);

    /** True for actions that contact a CA and count against the parallel-submission bound. */
    default boolean isSubmission(Action action) {
        return action == Action.SUBMIT;
    }
}
