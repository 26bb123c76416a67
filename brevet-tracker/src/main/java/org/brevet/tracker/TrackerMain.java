package org.brevet.tracker;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.brevet.pki.BrevetException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code brevet-tracker}: the certificate tracking daemon (certmonger's role). It always runs in the
 * foreground (under systemd, {@code Type=simple}); {@code -n} is accepted for certmonger compatibility.
 */
@Command(name = "brevet-tracker", mixinStandardHelpOptions = true, version = "brevet-tracker 0.1",
        description = "Track certificates and renew them before they expire.",
        footer = {"", "Exit codes: 0 stopped normally, 1 could not start (bad configuration, socket in use)."})
public final class TrackerMain implements Callable<Integer> {
    @Option(names = {"-s", "--session"}, description = "Run as the calling user's session daemon.")
    boolean session;

    @Option(names = {"-S", "--system"}, description = "Run as the system daemon (default).")
    boolean system;

    @Option(names = {"-n", "--nofork"}, description = "Stay in the foreground (always the case; for compatibility).")
    boolean noFork;

    @Option(names = {"-d", "--debug-level"}, paramLabel = "N", description = "Debug level (1-15; 3 and above log every decision).")
    int debug;

    @Option(names = "--state-dir", paramLabel = "DIR", description = "State directory (requests/, cas/, local/).")
    Path stateDir;

    @Option(names = {"-c", "--config"}, paramLabel = "FILE", description = "Configuration file (tracker.conf).")
    Path config;

    @Option(names = "--socket", paramLabel = "PATH", description = "Control socket to listen on.")
    Path socket;

    @Option(names = "--clock-offset-file", paramLabel = "FILE", hidden = true,
            description = "Testing only: add the number of seconds in FILE to the clock.")
    Path clockOffsetFile;

    public static void main(String[] args) {
        System.exit(new CommandLine(new TrackerMain()).execute(args));
    }

    @Override
    public Integer call() throws InterruptedException {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", debug >= 3 ? "debug" : "info");
        System.setProperty("org.slf4j.simpleLogger.showDateTime", "true");
        System.setProperty("org.slf4j.simpleLogger.dateTimeFormat", "yyyy-MM-dd HH:mm:ss");
        System.setProperty("org.slf4j.simpleLogger.showThreadName", "false");
        System.setProperty("org.slf4j.simpleLogger.logFile", "System.err");
        TrackerPaths paths = TrackerPaths.resolve(session && !system, Optional.ofNullable(stateDir),
                Optional.ofNullable(config), Optional.ofNullable(socket), System.getenv());
        Daemon daemon;
        try {
            TrackerConfig conf = Files.exists(paths.config()) ? TrackerConfig.load(paths.config()) : TrackerConfig.defaults();
            daemon = Daemon.start(paths, conf, Optional.ofNullable(clockOffsetFile));
        } catch (BrevetException e) {
            System.err.println("brevet-tracker: " + e.detail());
            return 1;
        }
        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            daemon.close();
            stop.countDown();
        }));
        stop.await();
        return 0;
    }
}
