package org.brevet.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.brevet.tracker.api.Command;
import org.brevet.tracker.api.Reply;
import org.brevet.tracker.api.RequestInfo;
import org.brevet.tracker.api.TrackerClient;
import org.brevet.tracker.api.TrackerJson;

/**
 * A real {@code bin/brevet-tracker} in the foreground with its state, config and socket in one directory,
 * spoken to over its control socket with the same client {@code getcert} uses. Reports what the benchmark
 * needs from /proc: resident memory and CPU seconds.
 */
final class TrackerProcess implements AutoCloseable {
    private static final double TICKS_PER_SECOND = 100.0;

    private final Path dir;
    private final Process process;
    private final TrackerClient client;

    private TrackerProcess(Path dir, Process process) {
        this.dir = dir;
        this.process = process;
        this.client = new TrackerClient(dir.resolve("socket"), new TrackerJson());
    }

    /** Starts the daemon and returns once it answers {@code list} (so every stored request is loaded). */
    static TrackerProcess start(Path launcher, Path dir, String config) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        Path conf = Files.writeString(dir.resolve("tracker.conf"), config);
        Files.deleteIfExists(dir.resolve("socket"));
        Process p = new ProcessBuilder(launcher.toString(), "-n", "--state-dir", dir.resolve("state").toString(),
                "--socket", dir.resolve("socket").toString(), "--config", conf.toString(),
                "--clock-offset-file", dir.resolve("clock-offset").toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("daemon.log").toFile()))
                .start();
        TrackerProcess t = new TrackerProcess(dir, p);
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
        while (true) {
            if (!p.isAlive()) {
                throw new IllegalStateException("brevet-tracker exited:\n" + Files.readString(dir.resolve("daemon.log")));
            }
            if (Files.exists(dir.resolve("socket"))) {
                try {
                    t.list();
                    return t;
                } catch (RuntimeException notYet) {
                    // the socket exists before the daemon accepts on it
                }
            }
            if (System.nanoTime() > deadline) {
                t.close();
                throw new IllegalStateException("brevet-tracker did not answer within 10 minutes");
            }
            TimeUnit.MILLISECONDS.sleep(20);
        }
    }

    Reply send(Command command) {
        return client.send(command);
    }

    List<RequestInfo> list() {
        Reply r = client.send(new Command.ListRequests());
        if (!r.isOk()) {
            throw new IllegalStateException("list failed: " + r.message());
        }
        return r.requests();
    }

    /** Moves the daemon's clock (its --clock-offset-file, a test and benchmark hook) forward by seconds. */
    void offsetClock(long seconds) throws IOException {
        Path tmp = dir.resolve("clock-offset.tmp");
        Files.writeString(tmp, Long.toString(seconds));
        Files.move(tmp, dir.resolve("clock-offset"), java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * CA helper JVMs (bin/brevet-submit) the daemon is running right now. Only java processes count: the
     * launcher script's subshells carry the same arguments for a moment while it checks the Java version.
     */
    int runningHelpers() {
        return (int) process.descendants()
                .filter(h -> h.info().command().map(c -> c.endsWith("/java")).orElse(false))
                .filter(h -> h.info().arguments().map(a -> String.join(" ", a).contains("org.brevet.submit")).orElse(false))
                .count();
    }

    Path socket() {
        return dir.resolve("socket");
    }

    long residentKib() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(javaPid()), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        throw new IllegalStateException("no VmRSS for the tracker");
    }

    double cpuSeconds() throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(javaPid()), "stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / TICKS_PER_SECOND;
    }

    /** The JVM: the launcher script execs java, or runs it as its child. */
    private long javaPid() {
        return process.descendants().filter(h -> h.info().command().map(c -> c.endsWith("java")).orElse(false))
                .map(ProcessHandle::pid).findFirst().orElse(process.pid());
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
