package org.brevet.tracker.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Drives a {@link StateMachine} the way the daemon's scheduler does, with outcomes scripted per action and
 * a clock that jumps to each {@link Decision.WaitUntil}. Every step is written to a trace that is compared
 * with a golden file under {@code src/test/resources/golden/} (regenerate deliberately with
 * {@code -Dgolden.update=true}).
 */
final class ScenarioRunner {
    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private final StateMachine machine;
    private final Map<Action, Deque<Function<Instant, Outcome>>> script = new EnumMap<>(Action.class);
    private final List<String> trace = new ArrayList<>();
    private Instant now = T0;
    private TrackedRequest request;

    ScenarioRunner(StateMachine machine, TrackedRequest request) {
        this.machine = machine;
        this.request = request;
    }

    ScenarioRunner on(Action action, Outcome... outcomes) {
        for (Outcome o : outcomes) {
            script.computeIfAbsent(action, a -> new ArrayDeque<>()).add(t -> o);
        }
        return this;
    }

    ScenarioRunner on(Action action, Function<Instant, Outcome> outcome) {
        script.computeIfAbsent(action, a -> new ArrayDeque<>()).add(outcome);
        return this;
    }

    /** CHECK_CERT finds the certificate the request last saved (nothing replaced it out of band). */
    ScenarioRunner checkFindsCurrentCertificate() {
        script.computeIfAbsent(Action.CHECK_CERT, a -> new ArrayDeque<>())
                .add(t -> new Outcome.Checked(java.util.Optional.ofNullable(request.cert())));
        return this;
    }

    /** Runs until the request waits for guidance, or waits beyond {@code horizon}, or {@code maxSteps}. */
    ScenarioRunner runUntil(Instant horizon, int maxSteps) {
        for (int i = 0; i < maxSteps; i++) {
            Decision d = machine.decide(request, now);
            if (d instanceof Decision.WaitForGuidance) {
                log(request.state() + " stuck" + error());
                return this;
            }
            if (d instanceof Decision.WaitUntil w) {
                if (w.when().isAfter(horizon)) {
                    log(request.state() + " waits until " + offset(w.when()) + " (beyond horizon)");
                    return this;
                }
                log(request.state() + " waits until " + offset(w.when()));
                now = w.when();
                continue;
            }
            Action a = ((Decision.Run) d).action();
            {
                String before = request.state().name();
                request = machine.begin(request, a);
                Deque<Function<Instant, Outcome>> q = script.get(a);
                if (q == null || q.isEmpty()) {
                    throw new AssertionError("no scripted outcome for " + a + " at step " + i + "\n" + String.join("\n", trace));
                }
                Function<Instant, Outcome> f = q.size() > 1 ? q.poll() : q.peek();
                Outcome o = f.apply(now);
                request = machine.apply(request, o, now);
                log(before + " run " + a + " [" + describe(o) + "] -> " + request.state() + error());
            }
        }
        log("step limit reached");
        return this;
    }

    ScenarioRunner advanceTo(Instant t) {
        now = t;
        log("clock set to " + offset(t));
        return this;
    }

    TrackedRequest request() {
        return request;
    }

    Instant now() {
        return now;
    }

    List<String> trace() {
        return trace;
    }

    void assertMatchesGolden(String name) throws IOException {
        Path file = Path.of("src/test/resources/golden", name + ".trace");
        String actual = String.join("\n", trace) + "\n";
        if (Boolean.getBoolean("golden.update")) {
            Files.createDirectories(file.getParent());
            Files.writeString(file, actual, StandardCharsets.UTF_8);
        }
        assertThat(file).as("golden file (create with -Dgolden.update=true)\n" + actual).exists();
        assertThat(actual).isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
    }

    private String error() {
        String e = request.progress().caError();
        return e == null ? "" : " (error: " + e + ")";
    }

    private void log(String line) {
        trace.add(String.format("%-10s %s", offset(now), line));
    }

    static String offset(Instant t) {
        Duration d = Duration.between(T0, t);
        return "+" + d.toSeconds() + "s";
    }

    private static String describe(Outcome o) {
        if (o instanceof Outcome.Submitted sub) {
            String a = sub.answer().toString().replaceAll("-----BEGIN[^]]*", "<pem>");
            return a.length() > 90 ? a.substring(0, 90) + "..." : a;
        }
        if (o instanceof Outcome.Saved || o instanceof Outcome.Checked || o instanceof Outcome.Found) {
            return o.getClass().getSimpleName();
        }
        return o.toString().replaceAll("-----BEGIN[^]]*", "<pem>");
    }
}
