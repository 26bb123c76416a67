package org.brevet.tracker.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Replaces a file so that a reader (or a crash) sees either the old or the new content, never a mix: the
 * bytes go to a temporary file in the same directory, which is fsynced, given its mode, renamed over the
 * target, and the directory is fsynced.
 */
public final class AtomicFile {
    public static final Set<PosixFilePermission> PRIVATE = PosixFilePermissions.fromString("rw-------");

    private AtomicFile() {
    }

    public static void write(Path target, byte[] content, Set<PosixFilePermission> mode) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Path tmp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp",
                PosixFilePermissions.asFileAttribute(PRIVATE));
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buf = ByteBuffer.wrap(content);
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                ch.force(true);
            }
            Files.setPosixFilePermissions(tmp, mode);
            move(tmp, target);
        } finally {
            Files.deleteIfExists(tmp);
        }
        syncDirectory(dir);
    }

    /** Renames {@code from} over {@code to} atomically and makes the rename durable. */
    public static void replace(Path from, Path to) throws IOException {
        move(from, to);
        syncDirectory(to.toAbsolutePath().getParent());
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("cannot replace " + to + " atomically", e);
        }
    }

    private static void syncDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException e) {
            // Some file systems refuse to open or sync directories; the rename itself has happened.
        }
    }
}
