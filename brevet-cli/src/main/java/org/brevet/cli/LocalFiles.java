package org.brevet.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.brevet.pki.BrevetException;
import org.brevet.pki.ErrorKind;

/** Reading the user's input files, with one clear error naming the file. */
final class LocalFiles {
    private LocalFiles() {
    }

    static byte[] read(Path file, String what) {
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new BrevetException(ErrorKind.NOT_FOUND, file + ": no such " + what, e);
        } catch (AccessDeniedException e) {
            throw new BrevetException(ErrorKind.UNAUTHORIZED, file + ": permission denied reading the " + what, e);
        } catch (IOException e) {
            throw new BrevetException(ErrorKind.MALFORMED, file + ": cannot read the " + what + ": " + e.getMessage(), e);
        }
    }

    static String readText(Path file, String what) {
        return new String(read(file, what), StandardCharsets.UTF_8);
    }
}
