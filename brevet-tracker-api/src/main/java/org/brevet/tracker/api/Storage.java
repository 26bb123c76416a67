package org.brevet.tracker.api;

import java.util.Objects;

/**
 * A key or certificate location. {@code location} is an absolute path (or NSS directory); {@code nickname}
 * and {@code token} are only meaningful for NSS databases and may be null.
 */
public record Storage(StorageType type, String location, String nickname, String token) {
    public Storage {
        Objects.requireNonNull(type, "type");
        if (type != StorageType.NONE) {
            Objects.requireNonNull(location, "location");
        }
    }

    public static Storage file(String path) {
        return new Storage(StorageType.FILE, path, null, null);
    }

    public static Storage pkcs12(String path) {
        return new Storage(StorageType.PKCS12, path, null, null);
    }

    public static Storage none() {
        return new Storage(StorageType.NONE, null, null, null);
    }
}
