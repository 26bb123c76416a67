package org.brevet.kra;

import java.util.Objects;
import org.brevet.ca.api.AuditLog;
import org.brevet.ca.api.KeyArchive;
import org.brevet.ca.api.KeyRecovery;

/**
 * The key recovery authority, built once by the server: {@link #archive()} is the port enrollment calls
 * before issuing a certificate whose request carries PKIArchiveOptions, {@link #recovery()} what agents use.
 */
public final class Kra {
    private final KeyArchive archive;
    private final KeyRecovery recovery;

    private Kra(KeyArchive archive, KeyRecovery recovery) {
        this.archive = archive;
        this.recovery = recovery;
    }

    public static Kra create(KraKeys keys, KraStores stores, IssuedCertificates certificates, AuditLog audit,
            KraSettings settings) {
        Objects.requireNonNull(keys, "keys");
        StorageUnit storage = new StorageUnit(keys.storage(), settings.random());
        KeyArchive archive = new KeyArchivist(keys.transport(), storage, stores.keys(), audit, settings.clock(),
                settings.random());
        KeyRecovery recovery = new KeyRecoveryService(stores, certificates, storage, new AgentGate(audit), settings);
        return new Kra(archive, recovery);
    }

    public KeyArchive archive() {
        return archive;
    }

    public KeyRecovery recovery() {
        return recovery;
    }
}
