package org.brevet.tracker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TrackerPathsTest {

    @Test
    void systemDaemon_usesSystemLocations() {
        TrackerPaths p = TrackerPaths.resolve(false, Optional.empty(), Optional.empty(), Optional.empty(), Map.of());

        assertThat(p).isEqualTo(new TrackerPaths(Path.of("/var/lib/brevet-tracker"), Path.of("/etc/brevet/tracker.conf"),
                Path.of("/run/brevet-tracker/socket")));
    }

    @Test
    void sessionDaemon_usesXdgLocations() {
        TrackerPaths p = TrackerPaths.resolve(true, Optional.empty(), Optional.empty(), Optional.empty(),
                Map.of("HOME", "/home/alice", "XDG_RUNTIME_DIR", "/run/user/1000"));

        assertThat(p).isEqualTo(new TrackerPaths(Path.of("/home/alice/.local/state/brevet-tracker"),
                Path.of("/home/alice/.config/brevet/tracker.conf"), Path.of("/run/user/1000/brevet-tracker/socket")));
    }

    @Test
    void options_overrideEverything() {
        TrackerPaths p = TrackerPaths.resolve(true, Optional.of(Path.of("/s")), Optional.of(Path.of("/c.conf")),
                Optional.of(Path.of("/x/sock")), Map.of("BREVET_TRACKER_SOCKET", "/env/sock"));

        assertThat(p).isEqualTo(new TrackerPaths(Path.of("/s"), Path.of("/c.conf"), Path.of("/x/sock")));
    }
}
