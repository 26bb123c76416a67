package org.brevet.tracker.keystore;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.brevet.pki.BrevetException;
import org.brevet.pki.ErrorKind;

/**
 * The directory of an NSS database, checked before certutil opens it: it must exist (it is never created),
 * must not hold a legacy dbm database (cert8.db, key3.db) that NSS would silently convert, and must be
 * writable. {@code -m}/{@code -M} and {@code -o}/{@code -O} apply to its key4.db and cert9.db.
 */
record NssDirectory(Path path) {

    /** {@code sql:DIR}, the only form the tracker ever hands to NSS. */
    String sqlLocation() {
        return "sql:" + path;
    }

    boolean hasDatabase() {
        return Files.isRegularFile(path.resolve("cert9.db")) && Files.isRegularFile(path.resolve("key4.db"));
    }

    void check() {
        if (!Files.isDirectory(path)) {
            throw new BrevetException(ErrorKind.UNAVAILABLE, "the NSS database directory " + path + " does not exist");
        }
        boolean legacy = Files.exists(path.resolve("cert8.db")) || Files.exists(path.resolve("key3.db"));
        if (legacy && !hasDatabase()) {
            throw new BrevetException(ErrorKind.MALFORMED, "the NSS database in " + path + " is in the legacy dbm "
                    + "format (cert8.db, key3.db); Brevet uses only the sql: format and does not convert databases "
                    + "behind the back of the programs that share them. Convert it yourself (certutil --upgrade-merge) "
                    + "when all of them support sql:.");
        }
        if (!Files.isWritable(path)) {
            throw new BrevetException(ErrorKind.UNAVAILABLE, "cannot write to the NSS database directory " + path,
                    new AccessDeniedException(path.toString()));
        }
    }

    void applyModes(PemFiles.Modes modes) {
        apply(path.resolve("key4.db"), modes.keyOwner(), modes.keyPerms());
        apply(path.resolve("cert9.db"), modes.certOwner(), modes.certPerms());
    }

    private static void apply(Path file, String owner, Integer perms) {
        if (perms != null) {
            try {
                Files.setPosixFilePermissions(file, FileModes.of(perms));
            } catch (IOException e) {
                throw new BrevetException(ErrorKind.UNAVAILABLE, "cannot set the mode of " + file, e);
            }
        }
        FileModes.applyOwner(file, owner);
    }
}
