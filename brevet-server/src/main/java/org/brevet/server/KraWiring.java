package org.brevet.server;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Optional;
import org.brevet.ca.CaIdentity;
import org.brevet.kra.IssuedCertificates;
import org.brevet.kra.Kra;
import org.brevet.kra.KraKeys;
import org.brevet.kra.KraSettings;
import org.brevet.server.config.BrevetConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the KRA of a running instance from the token's transportCert and storageCert, if it has them (an
 * instance made before the KRA has none until {@code brevet kra init}). The transport certificate in the
 * database is refreshed from the token, so the CA always publishes the one the KRA unwraps with.
 */
final class KraWiring {
    private static final Logger LOG = LoggerFactory.getLogger(KraWiring.class);

    private KraWiring() {
    }

    static Optional<Kra> open(KeyToken token, CaRuntime runtime, CaIdentity identity, BrevetConfig config, Clock clock,
            SecureRandom random) {
        Optional<org.brevet.pki.Pkcs12Store.KeyEntry> transport = token.find(KraKeys.TRANSPORT_NICKNAME);
        Optional<org.brevet.pki.Pkcs12Store.KeyEntry> storage = token.find(KraKeys.STORAGE_NICKNAME);
        if (transport.isEmpty() || storage.isEmpty()) {
            LOG.info("KRA - no transportCert/storageCert in the key token: key archival is off (brevet kra init adds them)");
            return Optional.empty();
        }
        KraKeys keys = new KraKeys(transport.get(), storage.get());
        var stores = runtime.kraStores();
        stores.keys().putCertificate(KraKeys.TRANSPORT_NICKNAME, keys.transport().certificate().toDer());
        IssuedCertificates certificates = new IssuedCertificates(runtime.repositories().requests(),
                runtime.repositories().certificates(), identity.chain());
        return Optional.of(Kra.create(keys, stores, certificates, runtime.audit(),
                new KraSettings(config.kra().recoveryApprovals(), clock, random)));
    }
}
