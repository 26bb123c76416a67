package org.brevet.getcert;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The real daemon ({@code TrackerMain}) as a process in a temporary directory (state, socket, config, log),
 * with {@link #getcert} running real getcert processes against it. {@link #close} stops it and removes the
 * directory.
 */
final class TrackerProcess implements AutoCloseable {
    private final Path dir;
    private final Path socket;
    private final Process daemon;

    private TrackerProcess(Path dir, Path socket, Process daemon) {
        this.dir = dir;
        this.socket = socket;
        this.daemon = daemon;
    }

    static TrackerProcess start(Path dir) throws IOException {
        Path socket = dir.resolve("run/socket");
        Files.writeString(dir.resolve("tracker.conf"), "[defaults]\nnotification_method = stdout\n");
        Process p = new ProcessBuilder(Processes.java("org.brevet.tracker.TrackerMain", "-n", "-d", "3",
                "--state-dir", dir.resolve("state").toString(), "--socket", socket.toString(), "--config",
                dir.resolve("tracker.conf").toString()))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("daemon.log").toFile()))
                .start();
        TrackerProcess t = new TrackerProcess(dir, socket, p);
        Processes.until(t::socketAnswers, ok -> ok, Duration.ofSeconds(30), "the daemon's socket");
        return t;
    }

    private boolean socketAnswers() {
        assertThat(daemon.isAlive()).as("daemon exited; log:\n" + log()).isTrue();
        try (SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            ch.connect(UnixDomainSocketAddress.of(socket));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    Path stateDir() {
        return dir.resolve("state");
    }

    String log() {
        try {
            return Files.readString(dir.resolve("daemon.log"));
        } catch (IOException e) {
            return "(no log)";
        }
    }

    Processes.Result getcert(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add(1, "--socket");
        all.add(2, socket.toString());
        return Processes.run(Processes.java("org.brevet.getcert.GetcertMain", all.toArray(String[]::new)), Map.of());
    }

    String listOf(String id) {
        return getcert("list", "-i", id).stdout();
    }

    @Override
    public void close() throws IOException, InterruptedException {
        daemon.destroy();
        daemon.waitFor();
        try (var files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
