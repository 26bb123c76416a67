package org.brevet.tracker.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.brevet.tracker.api.SocketLocation.Mode;
import org.junit.jupiter.api.Test;

class SocketLocationTest {

    @Test
    void system_default_isUnderRun() {
        assertThat(SocketLocation.resolve(Mode.SYSTEM, Optional.empty(), Map.of()))
                .isEqualTo(Path.of("/run/brevet-tracker/socket"));
    }

    @Test
    void session_usesXdgRuntimeDir() {
        assertThat(SocketLocation.resolve(Mode.SESSION, Optional.empty(), Map.of("XDG_RUNTIME_DIR", "/run/user/1000")))
                .isEqualTo(Path.of("/run/user/1000/brevet-tracker/socket"));
    }

    @Test
    void session_withoutXdgRuntimeDir_fallsBackToTmpPerUser() {
        assertThat(SocketLocation.resolve(Mode.SESSION, Optional.empty(), Map.of("USER", "alice")))
                .isEqualTo(Path.of("/tmp/brevet-tracker-alice/socket"));
    }

    @Test
    void environment_overridesMode() {
        assertThat(SocketLocation.resolve(Mode.SYSTEM, Optional.empty(), Map.of(SocketLocation.ENV, "/x/s")))
                .isEqualTo(Path.of("/x/s"));
    }

    @Test
    void explicitSocket_overridesEnvironment() {
        assertThat(SocketLocation.resolve(Mode.SESSION, Optional.of(Path.of("/y/s")), Map.of(SocketLocation.ENV, "/x/s")))
                .isEqualTo(Path.of("/y/s"));
    }
}
