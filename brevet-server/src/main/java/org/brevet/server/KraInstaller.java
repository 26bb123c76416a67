package org.brevet.server;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import org.brevet.ca.Authority;
import org.brevet.ca.CaIdentity;
import org.brevet.ca.audit.AuditSigning;
import org.brevet.ca.ocsp.OcspSigning;
import org.brevet.pki.BrevetException;
import org.brevet.pki.ErrorKind;
import org.brevet.pki.Pkcs12Store;
import org.brevet.pki.Secret;
import org.brevet.server.config.BrevetConfig;
import org.brevet.server.config.ConfigFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code brevet kra init}: adds the KRA's transport and storage keys to an instance created before the KRA
 * existed (a new {@code brevet ca init} creates them already). The server must be stopped (the embedded
 * database is opened here). Refuses with CONFLICT when the token already has them; the token is replaced
 * atomically.
 */
public final class KraInstaller {
    private static final Logger LOG = LoggerFactory.getLogger(KraInstaller.class);

    private final Clock clock;
    private final SecureRandom random;

    public KraInstaller(Clock clock, SecureRandom random) {
        this.clock = clock;
        this.random = random;
    }

    /** Creates the keys and certificates; returns the transport certificate's subject, for the command to print. */
    public String addTo(InstanceLayout layout) {
        if (!layout.isInstalled()) {
            throw new BrevetException(ErrorKind.NOT_FOUND, "no instance at " + layout.root() + " (create one with brevet ca init)");
        }
        BrevetConfig config = ConfigFile.read(layout.configFile(), layout.root());
        Secret pin = PasswordFiles.readEntry(layout.passwordFile(), PasswordFiles.INTERNAL_TOKEN);
        Pkcs12Store token = Pkcs12Store.read(layout.keyToken(), pin);
        if (org.brevet.kra.KraKeys.presentIn(token)) {
            throw new BrevetException(ErrorKind.CONFLICT, "the KRA keys already exist in " + layout.keyToken()
                    + " (transportCert, storageCert); nothing to do");
        }
        KeyToken keys = KeyToken.open(layout);
        CaIdentity identity = keys.caIdentity();
        AuditSigning auditSigning = AuditSigning.signedBy(keys.entry(KeyToken.AUDIT_SIGNING).signer());
        InstallSteps steps = new InstallSteps(random);
        try (CaRuntime runtime = CaRuntime.open(layout, config, identity, auditSigning, OcspSigning.caKey(identity),
                clock, random)) {
            Authority authority = runtime.authority();
            authority.installDefaultProfiles();
            List<org.brevet.pki.Certificate> chain = identity.chain();
            token = KraSetup.addKeys(token, runtime.kraStores().keys(), spec -> steps.issue(authority, spec, chain));
        }
        token.write(layout.keyToken(), pin, random);
        String subject = token.keyEntry(org.brevet.kra.KraKeys.TRANSPORT_NICKNAME).orElseThrow().certificate().subject().toString();
        LOG.info("instance {} - KRA keys added ({})", layout.root(), subject);
        return subject;
    }
}
