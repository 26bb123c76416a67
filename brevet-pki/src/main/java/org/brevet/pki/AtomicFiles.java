package org.brevet.pki;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Replaces a file atomically: write a temporary file in the same directory with the final permissions,
 * fsync it, rename it over the target, then fsync the directory. A reader sees the old content or the new
 * one, never a torn file, even after a crash; a secret is never readable by others, not even briefly.
 */
public final class AtomicFiles {
    /** 0600: private keys, PKCS#12 files, password files. */
    public static final Set<PosixFilePermission> SECRET = PosixFilePermissions.fromString("rw-------");
    /** 0644: certificates, CRLs, CSRs. */
    public static final Set<PosixFilePermission> PUBLIC = PosixFilePermissions.fromString("rw-r--r--");

    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private AtomicFiles() {
    }

    /** Writes a secret (0600). */
    public static void writeSecret(Path target, byte[] content) {
        write(target, content, SECRET);
    }

    /** Writes a public file (0644). */
    public static void writePublic(Path target, byte[] content) {
        write(target, content, PUBLIC);
    }

    public static void writeString(Path target, String content, Set<PosixFilePermission> permissions) {
        write(target, content.getBytes(StandardCharsets.UTF_8), permissions);
    }

    /**
     * Atomically replaces {@code target} with {@code content} and the given permissions.
     *
     * @throws BrevetException UNAVAILABLE if the file cannot be written (the detail names the file)
     */
    public static void write(Path target, byte[] content, Set<PosixFilePermission> permissions) {
        Path absolute = target.toAbsolutePath();
        Path dir = absolute.getParent();
        Path tmp = null;
        try {
            tmp = POSIX
                    ? Files.createTempFile(dir, "." + absolute.getFileName(), ".tmp", attribute(permissions))
                    : Files.createTempFile(dir, "." + absolute.getFileName(), ".tmp");
            if (POSIX) {
                Files.setPosixFilePermissions(tmp, permissions);
            }
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buf = ByteBuffer.wrap(content);
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                ch.force(true);
            }
            Files.move(tmp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            tmp = null;
            syncDirectory(dir);
        } catch (IOException e) {
            throw new BrevetException(ErrorKind.UNAVAILABLE, "cannot write " + target + ": " + reason(e), e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // the write already failed; that error is the one to report
                }
            }
        }
    }

    private static FileAttribute<Set<PosixFilePermission>> attribute(Set<PosixFilePermission> permissions) {
        return PosixFilePermissions.asFileAttribute(permissions);
    }

    private static void syncDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException e) {
            // some file systems cannot open or sync a directory; the rename itself is already done
        }
    }

    private static String reason(IOException e) {
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "no such directory";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
