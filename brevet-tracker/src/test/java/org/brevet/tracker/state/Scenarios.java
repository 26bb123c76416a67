package org.brevet.tracker.state;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.brevet.tracker.api.Storage;
import org.brevet.tracker.submit.SubmitOutcome;

/** Fixtures shared by the scenario tests. */
final class Scenarios {
    private Scenarios() {
    }

    static RequestSettings fileSettings(String pre, String post) {
        return new RequestSettings("TestCA", Storage.file("/tmp/x.key"), Storage.file("/tmp/x.crt"), null, "RSA", 2048,
                CsrTemplate.empty(), true, true, pre, post, List.of(), null, null, null, null);
    }

    static TrackedRequest newRequest() {
        return TrackedRequest.newlyAdded("req1", fileSettings(null, null));
    }

    static CertFacts cert(String serial, Instant notBefore, Duration life) {
        return new CertFacts("CN=Test CA", "CN=host.example.test", serial, notBefore, notBefore.plus(life), List.of(),
                List.of(), List.of(), List.of(), List.of(), List.of());
    }

    static Outcome issued() {
        return new Outcome.Submitted(new SubmitOutcome.Issued("-----BEGIN CERTIFICATE-----x", List.of()));
    }

    static Outcome unreachable() {
        return new Outcome.Submitted(new SubmitOutcome.Unreachable("connection refused"));
    }

    static Outcome nothingFound() {
        return new Outcome.Found(Optional.empty(), false);
    }
}
