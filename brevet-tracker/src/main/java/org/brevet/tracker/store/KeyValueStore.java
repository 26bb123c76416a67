package org.brevet.tracker.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.brevet.pki.AtomicFiles;
import org.brevet.pki.BrevetException;
import org.brevet.pki.ErrorKind;

/**
 * One directory of key=value files, one file (mode 0600) per object, named after its id. Writes are
 * atomic ({@link AtomicFiles}); reading tolerates junk: temporary files and editor backups are skipped, and
 * a file that does not decode is reported as broken while the others load.
 */
final class KeyValueStore<T> {
    private final Path dir;
    private final Function<T, Map<String, String>> encoder;
    private final Function<Map<String, String>, T> decoder;

    KeyValueStore(Path dir, Function<T, Map<String, String>> encoder, Function<Map<String, String>, T> decoder) {
        this.dir = dir;
        this.encoder = encoder;
        this.decoder = decoder;
    }

    Path directory() {
        return dir;
    }

    LoadResult<T> loadAll() {
        createDirectory();
        List<T> loaded = new ArrayList<>();
        List<LoadResult.Broken> broken = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                if (name.startsWith(".") || name.endsWith(".tmp") || name.endsWith("~") || name.endsWith(".rpmsave")
                        || name.endsWith(".rpmnew") || name.endsWith(".rpmorig") || !Files.isRegularFile(file)) {
                    continue;
                }
                try {
                    loaded.add(decoder.apply(KeyValueFile.parse(Files.readString(file, StandardCharsets.UTF_8))));
                } catch (BrevetException e) {
                    broken.add(new LoadResult.Broken(file, e.detail()));
                } catch (IOException | RuntimeException e) {
                    broken.add(new LoadResult.Broken(file, e.toString()));
                }
            }
        } catch (IOException e) {
            throw new BrevetException(ErrorKind.UNAVAILABLE, "cannot read " + dir + ": " + e.getMessage(), e);
        }
        return new LoadResult<>(loaded, broken);
    }

    void save(String id, T value) {
        createDirectory();
        byte[] bytes = KeyValueFile.format(encoder.apply(value)).getBytes(StandardCharsets.UTF_8);
        AtomicFiles.writeSecret(fileOf(id), bytes);
    }

    void delete(String id) {
        try {
            Files.deleteIfExists(fileOf(id));
        } catch (IOException e) {
            throw new BrevetException(ErrorKind.UNAVAILABLE, "cannot delete " + fileOf(id) + ": " + e.getMessage(), e);
        }
    }

    Path fileOf(String id) {
        return dir.resolve(FileNames.of(id));
    }

    private void createDirectory() {
        try {
            if (!Files.isDirectory(dir)) {
                Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            }
        } catch (IOException e) {
            throw new BrevetException(ErrorKind.UNAVAILABLE, "cannot create " + dir + ": " + e.getMessage(), e);
        }
    }
}
