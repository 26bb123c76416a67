package org.brevet.tracker;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.brevet.tracker.api.SocketLocation;

/**
 * Where a daemon keeps its state, reads its configuration and listens. System mode: /var/lib/brevet-tracker,
 * /etc/brevet/tracker.conf, /run/brevet-tracker/socket. Session mode ({@code -s}):
 * {@code $XDG_STATE_HOME/brevet-tracker} (default ~/.local/state), {@code $XDG_CONFIG_HOME/brevet/tracker.conf}
 * (default ~/.config) and the session socket of {@link SocketLocation}. Each can be overridden.
 */
record TrackerPaths(Path stateDir, Path config, Path socket) {

    static TrackerPaths resolve(boolean session, Optional<Path> stateDir, Optional<Path> config, Optional<Path> socket,
            Map<String, String> env) {
        String home = env.getOrDefault("HOME", System.getProperty("user.home"));
        Path state = stateDir.orElseGet(() -> session
                ? Path.of(env.getOrDefault("XDG_STATE_HOME", home + "/.local/state"), "brevet-tracker")
                : Path.of("/var/lib/brevet-tracker"));
        Path conf = config.orElseGet(() -> session
                ? Path.of(env.getOrDefault("XDG_CONFIG_HOME", home + "/.config"), "brevet", "tracker.conf")
                : Path.of("/etc/brevet/tracker.conf"));
        Path sock = SocketLocation.resolve(session ? SocketLocation.Mode.SESSION : SocketLocation.Mode.SYSTEM, socket, env);
        return new TrackerPaths(state.toAbsolutePath(), conf.toAbsolutePath(), sock);
    }
}
