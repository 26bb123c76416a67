package org.brevet.tracker.state;

import java.util.Objects;
import java.util.Optional;
import org.brevet.tracker.api.RequestState;

/**
 * One tracked request: its id, certmonger state, the user's settings, what is known of the current
 * certificate ({@code cert}, null when none) and the machine's progress. Immutable; every change is a
 * new value.
 */
public record TrackedRequest(String id, RequestState state, RequestSettings settings, CertFacts cert, Progress progress) {

    public TrackedRequest {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(progress, "progress");
    }

    public static TrackedRequest newlyAdded(String id, RequestSettings settings) {
        return new TrackedRequest(id, RequestState.NEWLY_ADDED, settings, null, Progress.initial());
    }

    public Optional<CertFacts> knownCert() {
        return Optional.ofNullable(cert);
    }

    public TrackedRequest withState(RequestState next) {
        return new TrackedRequest(id, next, settings, cert, progress);
    }

    public TrackedRequest withSettings(RequestSettings next) {
        return new TrackedRequest(id, state, next, cert, progress);
    }

    public TrackedRequest withId(String next) {
        return new TrackedRequest(next, state, settings, cert, progress);
    }

    TrackedRequest with(RequestState next, Progress p) {
        return new TrackedRequest(id, next, settings, cert, p);
    }

    TrackedRequest with(RequestState next, CertFacts facts, Progress p) {
        return new TrackedRequest(id, next, settings, facts, p);
    }
}
