package org.brevet.tracker;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.brevet.tracker.store.CaStore;
import org.brevet.tracker.store.LoadResult;
import org.brevet.tracker.submit.CaEntry;
import org.brevet.tracker.submit.CaKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The known CAs, persisted one file each by {@link CaStore}. The built-in {@code SelfSign} and {@code local}
 * CAs are created at start-up when missing, as certmonger does.
 */
final class CaRegistry {
    private static final Logger LOG = LoggerFactory.getLogger(CaRegistry.class);
    static final String SELF_SIGN = "SelfSign";
    static final String LOCAL = "local";

    private final CaStore store;
    private final Map<String, CaEntry> cas = new ConcurrentHashMap<>();

    CaRegistry(CaStore store) {
        this.store = store;
    }

    void load() {
        LoadResult<CaEntry> result = store.loadAll();
        result.broken().forEach(b -> LOG.error("CA file {} is broken and was not loaded: {}", b.file(), b.reason()));
        result.loaded().forEach(ca -> cas.put(ca.nickname(), ca));
        ensure(CaEntry.builtIn(SELF_SIGN, CaKind.SELF_SIGN, "SelfSign (Brevet tracker)"));
        ensure(CaEntry.builtIn(LOCAL, CaKind.LOCAL, "Local Signing Authority (Brevet tracker)"));
    }

    private void ensure(CaEntry builtIn) {
        if (!cas.containsKey(builtIn.nickname())) {
            put(builtIn);
        }
    }

    Optional<CaEntry> find(String nickname) {
        return nickname == null ? Optional.empty() : Optional.ofNullable(cas.get(nickname));
    }

    List<CaEntry> all() {
        List<CaEntry> out = new ArrayList<>(cas.values());
        out.sort(Comparator.comparing(CaEntry::nickname));
        return out;
    }

    void put(CaEntry ca) {
        store.save(ca);
        cas.put(ca.nickname(), ca);
    }

    void remove(String nickname) {
        store.delete(nickname);
        cas.remove(nickname);
    }

    String fileOf(String nickname) {
        return store.fileOf(nickname).toString();
    }
}
