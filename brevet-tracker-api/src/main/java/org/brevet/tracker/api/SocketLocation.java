package org.brevet.tracker.api;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Where the daemon's control socket is. In order: an explicit {@code --socket PATH}; the environment
 * variable {@value #ENV}; the system socket {@value #SYSTEM_SOCKET} (getcert {@code -S}, the default); or
 * for a session daemon ({@code -s}) {@code $XDG_RUNTIME_DIR/brevet-tracker/socket}, falling back to
 * {@code /tmp/brevet-tracker-$USER/socket} when {@code XDG_RUNTIME_DIR} is unset.
 */
public final class SocketLocation {
    public static final String ENV = "BREVET_TRACKER_SOCKET";
    public static final String SYSTEM_SOCKET = "/run/brevet-tracker/socket";

    /** Which daemon: the system one (root's) or the caller's session one. */
    public enum Mode {
        SYSTEM,
        SESSION
    }

    private SocketLocation() {
    }

    public static Path resolve(Mode mode, Optional<Path> explicit, Map<String, String> env) {
        if (explicit.isPresent()) {
            return explicit.get().toAbsolutePath();
        }
        String fromEnv = env.get(ENV);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return Path.of(fromEnv).toAbsolutePath();
        }
        if (mode == Mode.SYSTEM) {
            return Path.of(SYSTEM_SOCKET);
        }
        String runtime = env.get("XDG_RUNTIME_DIR");
        if (runtime != null && !runtime.isBlank()) {
            return Path.of(runtime, "brevet-tracker", "socket");
        }
        String user = env.getOrDefault("USER", System.getProperty("user.name", "user"));
        return Path.of("/tmp", "brevet-tracker-" + user, "socket");
    }
}
