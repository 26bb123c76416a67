package org.brevet.tracker.store;

import java.nio.file.Path;
import org.brevet.tracker.state.TrackedRequest;

/** The request files under {@code <state-dir>/requests}: one human-readable file per request. */
public final class RequestStore {
    private final KeyValueStore<TrackedRequest> files;

    public RequestStore(Path stateDir) {
        RequestCodec codec = new RequestCodec();
        this.files = new KeyValueStore<>(stateDir.resolve("requests"), codec::encode, codec::decode);
    }

    public LoadResult<TrackedRequest> loadAll() {
        return files.loadAll();
    }

    public void save(TrackedRequest request) {
        files.save(request.id(), request);
    }

    public void delete(String id) {
        files.delete(id);
    }

    public Path fileOf(String id) {
        return files.fileOf(id);
    }
}
