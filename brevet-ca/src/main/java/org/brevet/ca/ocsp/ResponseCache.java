package org.brevet.ca.ocsp;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.brevet.pki.Der;

/**
 * Pre-signed responses to nonce-less single-certificate requests, keyed by the CertID as the client
 * encoded it. Every entry remembers the status it was signed for ({@code statusTag}); a lookup gives the
 * response only if the status the database reports now is the same and its refresh time has not come.
 * So a revocation committed by any node replaces the answer at once on every node: the cache can make
 * a node faster, never disagree. Bounded: when full, entries past their refresh time are dropped, and
 * if that is not enough the cache starts over.
 */
final class ResponseCache {
    private final int capacity;
    private final ConcurrentHashMap<Der, Entry> entries = new ConcurrentHashMap<>();

    record Entry(String statusTag, Der response, Instant producedAt, Instant refreshAt) {
    }

    ResponseCache(int capacity) {
        this.capacity = capacity;
    }

    Optional<Entry> find(Der certId, String statusTag, Instant now) {
        Entry e = entries.get(certId);
        if (e == null || !e.statusTag().equals(statusTag) || !now.isBefore(e.refreshAt())) {
            return Optional.empty();
        }
        return Optional.of(e);
    }

    void put(Der certId, Entry entry, Instant now) {
        if (capacity == 0) {
            return;
        }
        if (entries.size() >= capacity && !entries.containsKey(certId)) {
            entries.values().removeIf(e -> !now.isBefore(e.refreshAt()));
            if (entries.size() >= capacity) {
                entries.clear();
            }
        }
        entries.put(certId, entry);
    }

    int size() {
        return entries.size();
    }
}
