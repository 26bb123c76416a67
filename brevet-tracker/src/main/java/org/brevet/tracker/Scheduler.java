package org.brevet.tracker;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.brevet.tracker.state.Action;
import org.brevet.tracker.state.Decision;
import org.brevet.tracker.state.Outcome;
import org.brevet.tracker.state.StateMachine;
import org.brevet.tracker.state.TrackedRequest;
import org.brevet.tracker.store.RequestStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns {@link StateMachine} decisions into work: a {@code Run} goes to a worker pool (at most one action per
 * request at a time, at most {@code maxSubmissions} CA submissions at once), a {@code WaitUntil} becomes a
 * timer. Every change is written to the request's file before anything else sees it. It owns the live
 * requests; user commands change them through {@link #add}, {@link #update} and {@link #remove}. An action
 * whose request was changed by a user meanwhile has its outcome dropped (the generation moved on).
 */
final class Scheduler implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Scheduler.class);

    private final StateMachine machine;
    private final Performer runner;
    private final RequestStore store;
    private final Clock clock;
    private final Semaphore submissions;
    private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "timer"));
    private final ExecutorService workers;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private boolean closed;

    /** One live request with its bookkeeping; guarded by the Scheduler's monitor. */
    private static final class Entry {
        TrackedRequest request;
        long generation;
        boolean busy;
        ScheduledFuture<?> timer;

        Entry(TrackedRequest request) {
            this.request = request;
        }
    }

    Scheduler(StateMachine machine, Performer runner, RequestStore store, Clock clock, int workers, int maxSubmissions) {
        this.machine = machine;
        this.runner = runner;
        this.store = store;
        this.clock = clock;
        this.submissions = new Semaphore(maxSubmissions);
        this.workers = Executors.newFixedThreadPool(workers, r -> daemon(r, "worker"));
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, "tracker-" + name);
        t.setDaemon(true);
        return t;
    }

    /** Takes over requests loaded from disk: in-flight states are rolled back (and saved), then all are scheduled. */
    void start(List<TrackedRequest> loaded) {
        for (TrackedRequest r : loaded) {
            TrackedRequest reset = machine.resetAfterRestart(r);
            if (reset != r) {
                LOG.info("request {} {} -> {} (rolled back after restart)", r.id(), r.state(), reset.state());
                store.save(reset);
            }
            entries.put(reset.id(), new Entry(reset));
        }
        kickAll();
    }

    synchronized List<TrackedRequest> all() {
        List<TrackedRequest> out = new ArrayList<>();
        entries.values().forEach(e -> out.add(e.request));
        out.sort(Comparator.comparing(TrackedRequest::id));
        return out;
    }

    synchronized Optional<TrackedRequest> get(String id) {
        Entry e = entries.get(id);
        return e == null ? Optional.empty() : Optional.of(e.request);
    }

    synchronized void add(TrackedRequest r) {
        store.save(r);
        entries.put(r.id(), new Entry(r));
        LOG.info("request {} added in state {}", r.id(), r.state());
        kick(r.id());
    }

    /** Applies a user's change (resubmit, modify, refresh, rename when {@code newId} differs). */
    synchronized void update(String id, UnaryOperator<TrackedRequest> change) {
        Entry e = entries.get(id);
        if (e == null) {
            return;
        }
        TrackedRequest next = change.apply(e.request);
        if (!next.id().equals(id)) {
            store.delete(id);
            entries.remove(id);
            entries.put(next.id(), e);
        }
        cancelTimer(e);
        e.request = next;
        e.generation++;
        store.save(next);
        LOG.info("request {} changed by user -> {}", next.id(), next.state());
        kick(next.id());
    }

    synchronized void remove(String id) {
        Entry e = entries.remove(id);
        if (e != null) {
            cancelTimer(e);
            e.generation++;
            store.delete(id);
            LOG.info("request {} removed", id);
        }
    }

    synchronized void kickAll() {
        new ArrayList<>(entries.keySet()).forEach(this::kick);
    }

    /** Asks the machine what to do next for the request and arranges it. */
    synchronized void kick(String id) {
        Entry e = entries.get(id);
        if (e == null || e.busy) {
            return;
        }
        cancelTimer(e);
        Instant now = clock.instant();
        Decision d = machine.decide(e.request, now);
        if (d instanceof Decision.Run run) {
            start(id, e, run.action());
        } else if (d instanceof Decision.WaitUntil w) {
            long ms = Math.max(0, Duration.between(now, w.when()).toMillis());
            LOG.debug("request {} {} (wake in {} s)", id, e.request.state(), ms / 1000);
            e.timer = timers.schedule(() -> kick(id), ms, TimeUnit.MILLISECONDS);
        } else {
            LOG.debug("request {} {} waits for guidance", id, e.request.state());
        }
    }

    private void start(String id, Entry e, Action action) {
        e.request = machine.begin(e.request, action);
        e.busy = true;
        store.save(e.request);
        long generation = e.generation;
        TrackedRequest snapshot = e.request;
        workers.execute(() -> perform(e, generation, snapshot, action));
    }

    private void perform(Entry e, long generation, TrackedRequest snapshot, Action action) {
        String id = snapshot.id();
        Outcome outcome;
        boolean limited = runner.isSubmission(action);
        try {
            if (limited) {
                submissions.acquire();
            }
            try {
                outcome = runner.run(snapshot, action);
            } finally {
                if (limited) {
                    submissions.release();
                }
            }
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
            return;
        } catch (RuntimeException ex) {
            LOG.error("request {} action {} failed unexpectedly", id, action, ex);
            finish(e, generation, snapshot, action, null, "internal error during " + action + ": " + ex);
            return;
        }
        finish(e, generation, snapshot, action, outcome, null);
    }

    /** Works on the entry itself, not its id: a user may have renamed (or removed) the request meanwhile. */
    private synchronized void finish(Entry e, long generation, TrackedRequest snapshot, Action action, Outcome outcome,
            String failure) {
        e.busy = false;
        String id = e.request.id();
        if (closed || entries.get(id) != e) {
            return;
        }
        if (e.generation != generation) {
            LOG.debug("request {} changed while {} ran; its outcome is dropped", id, action);
            kick(id);
            return;
        }
        TrackedRequest next = outcome == null ? machine.failed(snapshot, failure)
                : machine.apply(snapshot, outcome, clock.instant());
        e.request = next;
        store.save(next);
        LOG.info("request {} {} -> {}", id, action, next.state());
        kick(id);
    }

    private static void cancelTimer(Entry e) {
        if (e.timer != null) {
            e.timer.cancel(false);
            e.timer = null;
        }
    }

    @Override
    public void close() {
        synchronized (this) {
            closed = true;
        }
        timers.shutdownNow();
        workers.shutdownNow();
    }
}
