package org.brevet.getcert;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.brevet.pki.BrevetException;
import org.brevet.pki.ErrorKind;

/**
 * getcert's client-side path rules (reference §1.0): relative paths are made absolute with certmonger's
 * notice; the parent directory of a file to be written must exist and be writable; the path must be a
 * regular file or absent.
 */
final class Paths {
    private Paths() {
    }

    static String absolute(String path, PrintWriter err) {
        if (path == null) {
            return null;
        }
        Path p = Path.of(path);
        if (p.isAbsolute()) {
            return p.normalize().toString();
        }
        String abs = p.toAbsolutePath().normalize().toString();
        err.println("Path \"" + path + "\" is not absolute, attempting to use \"" + abs + "\" instead.");
        return abs;
    }

    /** Checks a location the daemon will write; returns the absolute path. */
    static String writableFile(String path, PrintWriter err) {
        if (path == null) {
            return null;
        }
        String abs = absolute(path, err);
        Path p = Path.of(abs);
        Path dir = p.getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new BrevetException(ErrorKind.NOT_FOUND, "Path \"" + abs + "\": directory \"" + dir + "\" does not exist.");
        }
        if (!Files.isReadable(dir) || !Files.isWritable(dir)) {
            throw new BrevetException(ErrorKind.UNAUTHORIZED, "Path \"" + abs + "\": insufficient permissions.");
        }
        if (Files.exists(p) && !Files.isRegularFile(p)) {
            throw new BrevetException(ErrorKind.MALFORMED, "Path \"" + abs + "\" is not a regular file.");
        }
        return abs;
    }

    /**
     * An NSS database location ({@code sql:}, {@code dbm:}, {@code rdb:}, {@code extern:} prefixes kept):
     * the directory is made absolute and must exist, as certmonger's getcert checks.
     */
    static String nssDatabase(String location, PrintWriter err) {
        String dir = org.brevet.tracker.api.Storage.nssDirectory(location);
        String prefix = location.substring(0, location.length() - dir.length());
        String abs = absolute(dir, err);
        if (!Files.isDirectory(Path.of(abs))) {
            throw new BrevetException(ErrorKind.NOT_FOUND, "Path \"" + abs + "\" is not a directory.");
        }
        if (!Files.isReadable(Path.of(abs)) || !Files.isWritable(Path.of(abs))) {
            throw new BrevetException(ErrorKind.UNAUTHORIZED, "Path \"" + abs + "\": insufficient permissions.");
        }
        return prefix + abs;
    }
}
