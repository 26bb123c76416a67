package org.brevet.tracker.store;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.brevet.pki.BrevetException;
import org.brevet.pki.Pem;
import org.brevet.tracker.submit.CaEntry;
import org.brevet.tracker.submit.CaKind;

/** The CA files under {@code <state-dir>/cas}, with certmonger's field names (reference §6.2). */
public final class CaStore {
    private final KeyValueStore<CaEntry> files;

    public CaStore(Path stateDir) {
        this.files = new KeyValueStore<>(stateDir.resolve("cas"), CaStore::encode, CaStore::decode);
    }

    public LoadResult<CaEntry> loadAll() {
        return files.loadAll();
    }

    public void save(CaEntry ca) {
        files.save(ca.nickname(), ca);
    }

    public void delete(String nickname) {
        files.delete(nickname);
    }

    public Path fileOf(String nickname) {
        return files.fileOf(nickname);
    }

    static Map<String, String> encode(CaEntry ca) {
        return new Fields.Writer()
                .put("id", ca.nickname())
                .put("ca_aka", ca.aka())
                .put("ca_is_default", ca.isDefault())
                .put("ca_type", ca.kind().label())
                .put("ca_external_helper", ca.helperCommand())
                .put("ca_root_certs", ca.rootCertsPem().isEmpty() ? null : String.join("", ca.rootCertsPem()))
                .put("ca_required_enroll_attributes", ca.requiredEnrollAttributes())
                .put("ca_required_renewal_attributes", ca.requiredRenewAttributes())
                .put("ca_profiles", ca.profiles())
                .put("ca_default_profile", ca.defaultProfile())
                .put("ca_error", ca.caError())
                .fields();
    }

    static CaEntry decode(Map<String, String> map) {
        Fields f = new Fields(map);
        CaKind kind;
        try {
            kind = CaKind.fromLabel(f.optional("ca_type").orElse("EXTERNAL"));
        } catch (IllegalArgumentException e) {
            throw BrevetException.malformed(e.getMessage(), e);
        }
        if (kind == CaKind.EXTERNAL) {
            f.required("ca_external_helper");
        }
        String roots = f.text("ca_root_certs");
        List<String> rootPems = roots == null ? List.of()
                : Pem.decodeAll(roots).stream().map(b -> Pem.encode(b.label(), b.der())).toList();
        return new CaEntry(f.required("id"), kind, f.text("ca_external_helper"), f.text("ca_aka"),
                f.flag("ca_is_default", false), rootPems, f.list("ca_profiles"), f.text("ca_default_profile"),
                f.list("ca_required_enroll_attributes"), f.list("ca_required_renewal_attributes"), f.text("ca_error"));
    }
}
