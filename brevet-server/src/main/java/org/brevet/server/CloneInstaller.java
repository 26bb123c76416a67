package org.brevet.server;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.brevet.ca.CaIdentity;
import org.brevet.ca.api.CertificateRecord;
import org.brevet.ca.audit.AuditSigning;
import org.brevet.ca.ocsp.OcspSigning;
import org.brevet.pki.BrevetException;
import org.brevet.pki.Certificate;
import org.brevet.pki.ErrorKind;
import org.brevet.pki.Pkcs12Store;
import org.brevet.pki.Secret;
import org.brevet.server.config.BrevetConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code brevet ca clone}: a new node of an existing CA. It imports the system keys from a
 * {@code ca export-keys} backup, checks that the shared database belongs to the CA of those keys, has the CA
 * issue the node's own {@code Server-Cert} (recorded in the shared database), and writes the instance. Profiles,
 * users and every other shared setting stay in the database; nothing is copied. Built in a staging directory:
 * a failure leaves nothing behind.
 */
public final class CloneInstaller {
    private static final Logger LOG = LoggerFactory.getLogger(CloneInstaller.class);
    /** Entries a CA backup must hold. */
    private static final List<String> REQUIRED = List.of(KeyToken.CA_SIGNING, KeyToken.SUBSYSTEM, KeyToken.OCSP_SIGNING,
            KeyToken.AUDIT_SIGNING);

    private final Clock clock;
    private final SecureRandom random;
    private final InstallSteps steps;

    public CloneInstaller(Clock clock, SecureRandom random) {
        this.clock = clock;
        this.random = random;
        this.steps = new InstallSteps(random);
    }

    /** Creates the clone at the target; CONFLICT if an instance exists there. */
    public InstanceLayout install(InstanceLayout target, CloneOptions options) {
        InstallSteps.refuseExisting(target);
        BrevetConfig config = options.config();
        if (config.database().url().filter(u -> u.startsWith("jdbc:postgresql:")).isEmpty()) {
            throw BrevetException.malformed("--db-url: a clone joins the CA's PostgreSQL database (jdbc:postgresql://...)", null);
        }
        Pkcs12Store keys = backup(options);
        Pkcs12Store.KeyEntry ca = keys.keyEntry(KeyToken.CA_SIGNING).orElseThrow();
        List<Certificate> chain = List.copyOf(ca.chain());
        CaIdentity identity = new CaIdentity(ca.signer(), ca.certificate(), chain);
        Pkcs12Store.KeyEntry ocsp = keys.keyEntry(KeyToken.OCSP_SIGNING).orElseThrow();
        OcspSigning ocspSigning = config.status().ocspSignedByCaKey() ? OcspSigning.caKey(identity)
                : OcspSigning.delegated(identity, ocsp.signer(), ocsp.certificate());
        try (StagedDirectory staged = StagedDirectory.next(target.root(), random)) {
            InstanceLayout layout = InstanceLayout.of(staged.path());
            InstallSteps.createDirectories(layout);
            Secret pin = steps.writeNewPin(layout);
            InstallSteps.writeConfig(layout, config);
            InstallSteps.writeCaChain(layout, chain);
            Pkcs12Store token = keys;
            try (CaRuntime runtime = CaRuntime.open(layout, config, identity,
                    AuditSigning.signedBy(keys.keyEntry(KeyToken.AUDIT_SIGNING).orElseThrow().signer()), ocspSigning, clock,
                    random)) {
                requireSameCa(runtime, keys, options, config);
                requireNewNodeId(runtime, config);
                token = token.with(KeyToken.SERVER, steps.issue(runtime.authority(),
                        SystemCertificates.server(ca.certificate().keySpec(), ca.certificate().subject(),
                                config.server().hostnames()), chain));
            }
            token.write(layout.keyToken(), pin, random);
            staged.commit();
        }
        LOG.info("clone {} of {} created", target.root(), ca.certificate().subject());
        return target;
    }

    /** The backup's entries but Server-Cert; one clear line for a wrong password or a file that is no CA backup. */
    private static Pkcs12Store backup(CloneOptions options) {
        Pkcs12Store keys;
        try {
            keys = Pkcs12Store.read(options.keys(), options.password());
        } catch (BrevetException e) {
            if (e.kind() == ErrorKind.UNAUTHORIZED) {
                throw new BrevetException(ErrorKind.UNAUTHORIZED, options.keys()
                        + ": wrong password (the one given to brevet ca export-keys)", e);
            }
            throw e;
        }
        for (String nickname : REQUIRED) {
            if (keys.keyEntry(nickname).isEmpty()) {
                throw BrevetException.malformed(options.keys() + ": no key entry '" + nickname
                        + "' (not a CA key backup made by brevet ca export-keys)", null);
            }
        }
        if (!keys.keyEntry(KeyToken.CA_SIGNING).orElseThrow().certificate().isCa()) {
            throw BrevetException.malformed(options.keys() + ": caSigningCert is not a CA certificate", null);
        }
        return keys.without(KeyToken.SERVER);
    }

    /** Two nodes under one id would both believe they hold the CRL master lease. */
    private static void requireNewNodeId(CaRuntime runtime, BrevetConfig config) {
        String id = ClusterNodeSettings.nodeId(config);
        if (runtime.clusterNodes().find(id).isPresent()) {
            throw new BrevetException(ErrorKind.CONFLICT, "a node " + id + " is already in the cluster: give this clone"
                    + " its own --hostname (or --https-port)");
        }
    }

    /**
     * The database must be the one of the backup's CA: it recorded the CA's subsystem certificate when the CA
     * issued it, byte for byte, and that certificate verifies under the CA key.
     */
    private static void requireSameCa(CaRuntime runtime, Pkcs12Store keys, CloneOptions options, BrevetConfig config) {
        Certificate ca = keys.keyEntry(KeyToken.CA_SIGNING).orElseThrow().certificate();
        Certificate subsystem = keys.keyEntry(KeyToken.SUBSYSTEM).orElseThrow().certificate();
        Optional<CertificateRecord> known = runtime.repositories().certificates().find(subsystem.serial());
        boolean same = known.filter(r -> r.der().equals(subsystem.toDer())).isPresent() && subsystem.verifiedBy(ca.publicKey());
        if (!same) {
            throw new BrevetException(ErrorKind.CONFLICT, "the database " + config.database().url().orElseThrow()
                    + " does not belong to the CA of " + options.keys() + " (" + ca.subject().rfc4514()
                    + "): it never issued that CA's subsystem certificate");
        }
    }
}
