package org.brevet.tracker.store;

import java.nio.file.Path;
import java.util.List;

/** What a store found on disk: the objects it could read, and the files it could not (with why). */
public record LoadResult<T>(List<T> loaded, List<Broken> broken) {

    public LoadResult {
        loaded = List.copyOf(loaded);
        broken = List.copyOf(broken);
    }

    /** A file that could not be read; the others still load. */
    public record Broken(Path file, String reason) {
    }
}
