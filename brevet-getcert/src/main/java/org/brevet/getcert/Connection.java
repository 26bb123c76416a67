package org.brevet.getcert;

import java.nio.file.Path;
import java.util.Optional;
import org.brevet.tracker.api.SocketLocation;
import org.brevet.tracker.api.TrackerClient;
import org.brevet.tracker.api.TrackerJson;
import picocli.CommandLine.Option;

/** Options every command has: which daemon to talk to ({@code -s}, {@code -S}, {@code --socket}) and {@code -v}. */
final class Connection {
    @Option(names = {"-s", "--session"}, description = "Talk to the session daemon of the calling user.")
    boolean session;

    @Option(names = {"-S", "--system"}, description = "Talk to the system daemon (default).")
    boolean system;

    @Option(names = "--socket", paramLabel = "PATH",
            description = "Control socket of the daemon (default: $BREVET_TRACKER_SOCKET, else by -s/-S).")
    Path socket;

    @Option(names = {"-v", "--verbose"}, description = "Report all details of errors and progress.")
    boolean verbose;

    TrackerClient client() {
        SocketLocation.Mode mode = session && !system ? SocketLocation.Mode.SESSION : SocketLocation.Mode.SYSTEM;
        return new TrackerClient(SocketLocation.resolve(mode, Optional.ofNullable(socket), System.getenv()),
                new TrackerJson());
    }
}
