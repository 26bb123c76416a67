package org.brevet.pki;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads a whole file, turning I/O failures into one clear error that names the file. */
final class FileInput {
    private FileInput() {
    }

    static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new BrevetException(ErrorKind.NOT_FOUND, "no such file " + file, e);
        } catch (AccessDeniedException e) {
            throw new BrevetException(ErrorKind.UNAUTHORIZED, "permission denied reading " + file, e);
        } catch (IOException e) {
            throw new BrevetException(ErrorKind.UNAVAILABLE, "cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** Re-throws an error about the content with the file name in front of the detail. */
    static BrevetException about(Path file, BrevetException e) {
        return new BrevetException(e.kind(), file + ": " + e.detail(), e);
    }
}
