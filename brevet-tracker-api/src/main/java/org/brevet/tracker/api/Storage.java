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

    /** An NSS database: {@code location} is the directory as given ({@code sql:} prefix kept), made absolute. */
    public static Storage nssdb(String location, String nickname, String token) {
        return new Storage(StorageType.NSSDB, location, Objects.requireNonNull(nickname, "nickname"), token);
    }

    /** The NSS database directory without its {@code sql:}/{@code dbm:}/{@code rdb:}/{@code extern:} prefix. */
    public static String nssDirectory(String location) {
        for (String prefix : new String[] {"sql:", "dbm:", "rdb:", "extern:"}) {
            if (location.startsWith(prefix)) {
                return location.substring(prefix.length());
            }
        }
        return location;
    }

    public static Storage none() {
        return new Storage(StorageType.NONE, null, null, null);
    }
}
