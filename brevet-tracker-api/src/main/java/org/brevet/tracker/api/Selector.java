package org.brevet.tracker.api;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * Chooses one request as getcert's {@code -i ID}, {@code -f CERTFILE} or {@code -d DIR -n NICKNAME} do.
 * Exactly one way must be given; {@link #matches(RequestInfo)} is shared by daemon and client.
 */
public record Selector(String id, String certFile, String database, String nickname) {

    public static Selector byId(String id) {
        return new Selector(id, null, null, null);
    }

    public static Selector byCertFile(String path) {
        return new Selector(null, path, null, null);
    }

    @JsonIgnore
    public boolean isEmpty() {
        return id == null && certFile == null && database == null && nickname == null;
    }

    public boolean matches(RequestInfo r) {
        if (id != null) {
            return id.equals(r.id());
        }
        Storage cert = r.certStorage();
        if (certFile != null) {
            return cert != null && certFile.equals(cert.location());
        }
        if (database != null) {
            return cert != null && cert.type() == StorageType.NSSDB
                    && Storage.nssDirectory(database).equals(Storage.nssDirectory(cert.location()))
                    && (nickname == null || nickname.equals(cert.nickname()));
        }
        return false;
    }
}
