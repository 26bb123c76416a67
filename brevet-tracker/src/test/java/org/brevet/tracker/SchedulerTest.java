package org.brevet.tracker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.brevet.tracker.api.RequestState;
import org.brevet.tracker.api.Storage;
import org.brevet.tracker.state.Action;
import org.brevet.tracker.state.CertFacts;
import org.brevet.tracker.state.CsrTemplate;
import org.brevet.tracker.state.Outcome;
import org.brevet.tracker.state.RequestSettings;
import org.brevet.tracker.state.StateMachine;
import org.brevet.tracker.state.TrackedRequest;
import org.brevet.tracker.store.RequestStore;
import org.brevet.tracker.submit.SubmitOutcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The scheduler with a scripted performer: bounded CA submissions, persistence, restart rollback. */
class SchedulerTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    private final Clock clock = Clock.fixed(T0, ZoneOffset.UTC);

    private static TrackedRequest request(String id) {
        RequestSettings s = new RequestSettings("TestCA", Storage.file("/k/" + id), Storage.file("/c/" + id), null, "EC",
                256, CsrTemplate.empty(), true, true, null, null, List.of(), null, null, null, null);
        return TrackedRequest.newlyAdded(id, s).withState(RequestState.NEED_TO_SUBMIT);
    }

    /** Submissions block until released; everything else succeeds at once. */
    private static final class GatedPerformer implements Performer {
        final AtomicInteger running = new AtomicInteger();
        final AtomicInteger maxRunning = new AtomicInteger();
        final CountDownLatch release = new CountDownLatch(1);

        @Override
        public Outcome run(TrackedRequest r, Action action) {
            switch (action) {
                case SUBMIT -> {
                    maxRunning.accumulateAndGet(running.incrementAndGet(), Math::max);
                    try {
                        release.await(30, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    running.decrementAndGet();
                    return new Outcome.Submitted(new SubmitOutcome.Issued("pem", List.of()));
                }
                case SAVE_CERT -> {
                    return new Outcome.Saved(new CertFacts("CN=CA", "CN=x", "01", T0, T0.plus(Duration.ofDays(365)),
                            List.of(), List.of(), List.of(), List.of(), List.of(), List.of()));
                }
                case NOTIFY_ISSUED -> {
                    return new Outcome.Notified();
                }
                default -> throw new AssertionError(action);
            }
        }
    }

    @Test
    void manyRequestsDueAtOnce_submitAtMostTheBound_andAllReachMonitoring() throws Exception {
        GatedPerformer performer = new GatedPerformer();
        RequestStore store = new RequestStore(dir);
        try (Scheduler scheduler = new Scheduler(StateMachine.certmongerDefaults(), performer, store, clock, 8, 3)) {
            scheduler.start(IntStream.range(0, 12).mapToObj(i -> request("r" + i)).toList());

            awaitRunning(performer, 3);
            performer.release.countDown();

            awaitAllMonitoring(scheduler);
            assertThat(performer.maxRunning.get()).isEqualTo(3);
            assertThat(store.loadAll().loaded()).hasSize(12).allMatch(r -> r.state() == RequestState.MONITORING);
        }
    }

    @Test
    void inFlightStateIsPersisted_andRolledBackByTheNextStart() throws Exception {
        GatedPerformer performer = new GatedPerformer();
        RequestStore store = new RequestStore(dir);
        try (Scheduler scheduler = new Scheduler(StateMachine.certmongerDefaults(), performer, store, clock, 2, 1)) {
            scheduler.start(List.of(request("r1")));
            awaitRunning(performer, 1);

            assertThat(store.loadAll().loaded()).extracting(TrackedRequest::state).containsExactly(RequestState.SUBMITTING);
        }
        assertThat(store.loadAll().loaded()).extracting(TrackedRequest::state).containsExactly(RequestState.SUBMITTING);
        GatedPerformer second = new GatedPerformer();
        second.release.countDown();
        try (Scheduler restarted = new Scheduler(StateMachine.certmongerDefaults(), second, store, clock, 2, 1)) {
            restarted.start(store.loadAll().loaded());

            awaitAllMonitoring(restarted);
            assertThat(restarted.get("r1").map(TrackedRequest::state)).isEqualTo(Optional.of(RequestState.MONITORING));
        }
        performer.release.countDown();
    }

    @Test
    void requestRenamedWhileItsActionRuns_isNotLeftBusy() throws Exception {
        GatedPerformer performer = new GatedPerformer();
        RequestStore store = new RequestStore(dir);
        try (Scheduler scheduler = new Scheduler(StateMachine.certmongerDefaults(), performer, store, clock, 2, 1)) {
            scheduler.start(List.of(request("old")));
            awaitRunning(performer, 1);

            scheduler.update("old", r -> r.withId("new").withState(RequestState.NEED_TO_SUBMIT));
            performer.release.countDown();

            awaitAllMonitoring(scheduler);
            assertThat(scheduler.get("old")).isEmpty();
            assertThat(store.loadAll().loaded()).extracting(TrackedRequest::id).containsExactly("new");
        }
    }

    @Test
    void actionThatThrows_leavesTheRequestNeedingGuidance_withTheReason() {
        Performer broken = (r, a) -> {
            throw new IllegalStateException("disk on fire");
        };
        try (Scheduler scheduler = new Scheduler(StateMachine.certmongerDefaults(), broken, new RequestStore(dir), clock, 2, 1)) {
            scheduler.start(List.of(request("r1")));

            Instant deadline = Instant.now().plus(WAIT);
            while (scheduler.get("r1").orElseThrow().state() != RequestState.NEED_GUIDANCE) {
                assertThat(Instant.now()).isBefore(deadline);
                Thread.onSpinWait();
            }
            assertThat(scheduler.get("r1").orElseThrow().progress().caError())
                    .isEqualTo("internal error during SUBMIT: java.lang.IllegalStateException: disk on fire");
        }
    }

    /** Waits (bounded) until every request is MONITORING, as seen through the scheduler. */
    private static void awaitAllMonitoring(Scheduler scheduler) {
        Instant deadline = Instant.now().plus(WAIT);
        while (!scheduler.all().stream().allMatch(r -> r.state() == RequestState.MONITORING)) {
            assertThat(Instant.now()).as("all requests MONITORING: " + scheduler.all()).isBefore(deadline);
            Thread.onSpinWait();
        }
    }

    private static void awaitRunning(GatedPerformer p, int n) {
        Instant deadline = Instant.now().plus(WAIT);
        while (p.running.get() < n) {
            assertThat(Instant.now()).as("submissions started").isBefore(deadline);
            Thread.onSpinWait();
        }
    }
}
