package org.brevet.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.stream.Stream;
import org.brevet.pki.BrevetException;
import org.brevet.pki.ErrorKind;

/**
 * A directory built next to its final place and moved there in one rename once complete, so a failure
 * half-way leaves nothing half-created: either the whole instance appears or none of it does.
 */
final class StagedDirectory implements AutoCloseable {
    private final Path stage;
    private final Path target;
    private boolean committed;

    private StagedDirectory(Path stage, Path target) {
        this.stage = stage;
        this.target = target;
    }

    /** A new empty staging directory in the target's parent (created if needed). */
    static StagedDirectory next(Path target, SecureRandom random) {
        try {
            Path parent = target.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            byte[] suffix = new byte[6];
            random.nextBytes(suffix);
            Path stage = parent.resolve("." + target.getFileName() + ".staging-" + HexFormat.of().formatHex(suffix));
            Files.createDirectory(stage);
            return new StagedDirectory(stage, target.toAbsolutePath());
        } catch (IOException e) {
            throw new BrevetException(ErrorKind.UNAVAILABLE, "cannot create a directory next to " + target + ": "
                    + e.getMessage(), e);
        }
    }

    Path path() {
        return stage;
    }

    /** Moves the staged directory to the target, which must be absent or an empty directory. */
    void commit() {
        try {
            if (Files.isDirectory(target)) {
                Files.delete(target);
            }
            Files.move(stage, target, StandardCopyOption.ATOMIC_MOVE);
            committed = true;
        } catch (DirectoryNotEmptyException e) {
            throw new BrevetException(ErrorKind.CONFLICT, target + " is not empty", e);
        } catch (AtomicMoveNotSupportedException e) {
            throw new BrevetException(ErrorKind.UNAVAILABLE, "cannot rename " + stage + " to " + target, e);
        } catch (IOException e) {
            throw new BrevetException(ErrorKind.UNAVAILABLE, "cannot move the new instance to " + target + ": "
                    + e.getMessage(), e);
        }
    }

    /** Deletes the staging directory unless it was committed. */
    @Override
    public void close() {
        if (!committed) {
            deleteRecursively(stage);
        }
    }

    static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + dir, e);
        }
    }
}
