package org.brevet.server;

import java.util.function.Function;
import org.brevet.ca.api.store.KeyRepository;
import org.brevet.pki.Pkcs12Store;

/**
 * Creates the KRA's transport and storage keys and certificates (issued by the CA through caTransportCert and
 * caStorageCert), records both certificates in the database (so that the CA and every clone know the transport
 * certificate without any connector setting), and returns the key token with the two new entries.
 */
final class KraSetup {
    private KraSetup() {
    }

    static Pkcs12Store addKeys(Pkcs12Store token, KeyRepository keys, Function<SystemCertificates.Spec, Pkcs12Store.KeyEntry> issue) {
        Pkcs12Store out = token;
        Pkcs12Store.KeyEntry ca = token.keyEntry(KeyToken.CA_SIGNING).orElseThrow();
        for (SystemCertificates.Spec spec : SystemCertificates.kra(ca.certificate().subject())) {
            Pkcs12Store.KeyEntry entry = issue.apply(spec);
            keys.putCertificate(spec.nickname(), entry.certificate().toDer());
            out = out.with(spec.nickname(), entry);
        }
        return out;
    }
}
