package org.brevet.tracker.keystore;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.brevet.pki.BrevetException;
import org.brevet.pki.ErrorKind;

/**
 * A private (0700) temporary directory for the files certutil reads (certificate, extensions, noise), removed
 * when closed. No secret is ever written here: PINs go to certutil's stdin.
 */
record ScratchDirectory(Path dir) implements AutoCloseable {
    static ScratchDirectory create() {
        try {
            return new ScratchDirectory(Files.createTempDirectory("brevet-nss"));
        } catch (IOException e) {
            throw new BrevetException(ErrorKind.UNAVAILABLE, "cannot create a temporary directory", e);
        }
    }

    Path write(String name, byte[] bytes) {
        try {
            return Files.write(dir.resolve(name), bytes);
        } catch (IOException e) {
            throw new BrevetException(ErrorKind.UNAVAILABLE, "cannot write a temporary file", e);
        }
    }

    @Override
    public void close() {
        try (var files = Files.list(dir)) {
            for (Path p : files.toList()) {
                Files.deleteIfExists(p);
            }
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            // a leftover in the temporary directory holds no secret
        }
    }
}
