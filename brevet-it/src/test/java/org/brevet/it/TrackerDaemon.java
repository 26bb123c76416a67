package org.brevet.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real {@code bin/brevet-tracker} with its own state directory, config and control socket under
 * {@code dir}, ready once its socket exists; {@link #getcert} runs the real {@code bin/getcert} against it.
 */
final class TrackerDaemon implements AutoCloseable {
    private final Path socket;
    private final Path log;
    private final Process process;

    private TrackerDaemon(Path socket, Path log, Process process) {
        this.socket = socket;
        this.log = log;
        this.process = process;
    }

    static TrackerDaemon start(Path dir) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        Path conf = Files.writeString(dir.resolve("tracker.conf"), "[defaults]\nnotification_method = stdout\n");
        Path socket = dir.resolve("socket");
        Path log = dir.resolve("daemon.log");
        Process p = new ProcessBuilder(Cli.launcher("brevet-tracker").toString(), "-n", "-d", "3",
                "--state-dir", dir.resolve("state").toString(), "--socket", socket.toString(), "--config", conf.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        TrackerDaemon daemon = new TrackerDaemon(socket, log, p);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!Files.exists(socket)) {
            if (!p.isAlive() || System.nanoTime() > deadline) {
                daemon.close();
                throw new AssertionError("brevet-tracker did not open its socket within 60 s:\n" + daemon.log());
            }
            p.waitFor(100, TimeUnit.MILLISECONDS);
        }
        return daemon;
    }

    /** {@code getcert COMMAND --socket SOCKET ARGS...} with a bound of 180 s. */
    Cli.Result getcert(String command, String... args) {
        List<String> cmd = new ArrayList<>(List.of(Cli.launcher("getcert").toString(), command, "--socket", socket.toString()));
        cmd.addAll(List.of(args));
        return Cli.run(cmd, 180);
    }

    String log() throws IOException {
        return Files.readString(log);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        process.waitFor(30, TimeUnit.SECONDS);
    }
}
