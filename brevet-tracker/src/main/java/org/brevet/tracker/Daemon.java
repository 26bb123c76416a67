package org.brevet.tracker;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.brevet.pki.BrevetException;
import org.brevet.pki.ErrorKind;
import org.brevet.tracker.api.TrackerJson;
import org.brevet.tracker.hook.SaveHook;
import org.brevet.tracker.ipc.ControlServer;
import org.brevet.tracker.keystore.Certutil;
import org.brevet.tracker.keystore.PinVault;
import org.brevet.tracker.notify.Notifier;
import org.brevet.tracker.state.Backoff;
import org.brevet.tracker.state.StateMachine;
import org.brevet.tracker.state.TrackedRequest;
import org.brevet.tracker.store.CaStore;
import org.brevet.tracker.store.LoadResult;
import org.brevet.tracker.store.RequestStore;
import org.brevet.tracker.submit.LocalCa;
import org.brevet.tracker.submit.LocalCaSubmitter;
import org.brevet.tracker.submit.SelfSignSubmitter;
import org.brevet.tracker.submit.Submitters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The daemon's wiring: builds every part from the configuration, loads state, starts the scheduler and socket. */
final class Daemon implements AutoCloseable {
    private static final int WORKERS = 8;
    private static final int MAX_REKEYS = 3;

    private final Scheduler scheduler;
    private final ControlServer server;
    private final ExecutorService background;
    private final ScheduledExecutorService clockWatch;

    private Daemon(Scheduler scheduler, ControlServer server, ExecutorService background, ScheduledExecutorService clockWatch) {
        this.scheduler = scheduler;
        this.server = server;
        this.background = background;
        this.clockWatch = clockWatch;
    }

    static Daemon start(TrackerPaths paths, TrackerConfig conf, Optional<Path> clockOffsetFile) {
        Logger log = LoggerFactory.getLogger(Daemon.class);
        log.info("Starting up (state {}, socket {}).", paths.stateDir(), paths.socket());
        conf.warnings().forEach(w -> log.warn("configuration: {}", w));
        createStateDir(paths.stateDir());
        Map<String, String> env = System.getenv();
        Clock clock = clockOffsetFile.<Clock>map(f -> new OffsetClock(Clock.systemUTC(), f)).orElse(Clock.systemUTC());
        SecureRandom random = new SecureRandom();
        PinVault pins = new PinVault();
        CaRegistry cas = new CaRegistry(new CaStore(paths.stateDir()));
        cas.load();
        LocalCa localCa = new LocalCa(paths.stateDir().resolve("local"), clock, random, conf.localValidity());
        Submitters submitters = new Submitters(new SelfSignSubmitter(clock, random, conf.selfSignValidity()),
                new LocalCaSubmitter(localCa), env, paths.stateDir(), conf.helperTimeout());
        Notifier notifier = new Notifier(conf.notificationMethod(), conf.notificationDestination(), env,
                paths.stateDir(), System.out);
        ActionRunner runner = new ActionRunner(new KeyStores(pins, random, Certutil.standard()), cas, submitters,
                new SaveHook(env, paths.stateDir(), conf.hookTimeout()), notifier, new CsrFactory(hostname()));
        StateMachine machine = new StateMachine(conf.notifyTtls(), conf.enrollTtls(), Backoff.standard(), MAX_REKEYS);
        RequestStore requests = new RequestStore(paths.stateDir());
        Scheduler scheduler = new Scheduler(machine, runner, requests, clock, WORKERS, conf.maxParallelSubmissions());
        LoadResult<TrackedRequest> loaded = requests.loadAll();
        loaded.broken().forEach(b -> log.error("request file {} is broken and was not loaded: {}", b.file(), b.reason()));
        scheduler.start(loaded.loaded());
        log.info("Loaded {} requests ({} broken).", loaded.loaded().size(), loaded.broken().size());
        ExecutorService background = Executors.newSingleThreadExecutor();
        CaCommands caCommands = new CaCommands(cas, submitters, scheduler, background);
        ControlCommands commands = new ControlCommands(scheduler, machine, new Settings(conf), pins, caCommands, clock,
                loaded.broken());
        ControlServer server = new ControlServer(paths.socket(), commands, new TrackerJson(), System.getProperty("user.name"));
        try {
            server.start();
        } catch (BrevetException e) {
            scheduler.close();
            background.shutdownNow();
            throw e;
        }
        ScheduledExecutorService watch = null;
        if (clock instanceof OffsetClock offset) {
            watch = Executors.newSingleThreadScheduledExecutor();
            watch.scheduleWithFixedDelay(() -> {
                if (offset.refresh()) {
                    log.info("test clock moved to {}", clock.instant());
                    scheduler.kickAll();
                }
            }, 200, 200, TimeUnit.MILLISECONDS);
        }
        return new Daemon(scheduler, server, background, watch);
    }

    private static void createStateDir(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new BrevetException(ErrorKind.UNAVAILABLE, "cannot create state directory " + dir + ": " + e.getMessage(), e);
        }
    }

    private static String hostname() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }

    @Override
    public void close() {
        server.close();
        scheduler.close();
        background.shutdownNow();
        if (clockWatch != null) {
            clockWatch.shutdownNow();
        }
    }
}
