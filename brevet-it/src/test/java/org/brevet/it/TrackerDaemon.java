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
    private final Path clockOffset;
    private final Process process;

    private TrackerDaemon(Path socket, Path log, Path clockOffset, Process process) {
        this.socket = socket;
        this.log = log;
        this.clockOffset = clockOffset;
        this.process = process;
    }

    static TrackerDaemon start(Path dir) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        Path conf = Files.writeString(dir.resolve("tracker.conf"), "[defaults]\nnotification_method = stdout\n");
        Path socket = dir.resolve("socket");
        Files.deleteIfExists(socket);
        Path log = dir.resolve("daemon.log");
        Path clockOffset = dir.resolve("clock-offset");
        Process p = new ProcessBuilder(Cli.launcher("brevet-tracker").toString(), "-n", "-d", "3",
                "--state-dir", dir.resolve("state").toString(), "--socket", socket.toString(), "--config", conf.toString(),
                "--clock-offset-file", clockOffset.toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        TrackerDaemon daemon = new TrackerDaemon(socket, log, clockOffset, p);
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

    /** Moves the daemon's clock (its test hook) to the real time plus {@code offset}. */
    void setClockOffset(java.time.Duration offset) throws IOException {
        Path tmp = clockOffset.resolveSibling("clock-offset.tmp");
        Files.writeString(tmp, Long.toString(offset.toSeconds()));
        Files.move(tmp, clockOffset, java.nio.file.StandardCopyOption.ATOMIC_MOVE, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    /** {@code kill -9}: the daemon gets no chance to save anything. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
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
