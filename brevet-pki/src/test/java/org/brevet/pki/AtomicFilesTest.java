package org.brevet.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
    @TempDir
    Path dir;

    @Test
    void writeSecret_replacesContentWithMode0600AndLeavesNoTempFile() throws Exception {
        Path f = dir.resolve("secret.txt");
        Files.writeString(f, "old");
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-rw-rw-"));
        AtomicFiles.writeSecret(f, "new".getBytes(StandardCharsets.UTF_8));
        assertThat(Files.readString(f)).isEqualTo("new");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(f))).isEqualTo("rw-------");
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(f);
        }
    }

    @Test
    void writePublic_createsWithMode0644() throws Exception {
        Path f = dir.resolve("cert.pem");
        AtomicFiles.writePublic(f, new byte[] {1, 2, 3});
        assertThat(Files.readAllBytes(f)).containsExactly(1, 2, 3);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(f))).isEqualTo("rw-r--r--");
    }

    @Test
    void write_intoMissingDirectory_isUnavailableNamingTheFile() {
        Path f = dir.resolve("missing/x.pem");
        assertThatThrownBy(() -> AtomicFiles.writePublic(f, new byte[1]))
                .isInstanceOfSatisfying(BrevetException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.UNAVAILABLE);
                    assertThat(e.detail()).contains(f.toString());
                });
    }
}
