package org.brevet.server;

import java.nio.file.Path;
import java.time.Duration;
import java.security.SecureRandom;
import java.time.Clock;
import org.brevet.ca.Authority;
import org.brevet.ca.AuthorityConfig;
import org.brevet.ca.CaIdentity;
import org.brevet.ca.RevocationAuthority;
import org.brevet.ca.cluster.Cluster;
import org.brevet.ca.cluster.ClusterStores;
import org.brevet.ca.crl.CrlConfig;
import org.brevet.ca.ocsp.OcspConfig;
import org.brevet.ca.ocsp.OcspSigning;
import org.brevet.ca.audit.AuditSigning;
import org.brevet.ca.audit.FileAuditLog;
import org.brevet.ca.api.Scep;
import org.brevet.ca.api.store.ClusterNodes;
import org.brevet.ca.api.store.Repositories;
import org.brevet.ca.auth.RoleGate;
import org.brevet.ca.scep.ScepConfig;
import org.brevet.ca.scep.ScepService;
import org.brevet.protocol.scep.RaKey;
import org.brevet.pki.Secret;
import org.brevet.server.config.BrevetConfig;
import org.brevet.store.DatabaseConfig;
import org.brevet.store.JdbcStore;

/**
 * The authority with the resources it owns: the database pool and the audit log. Opened by
 * {@code ca init} (to install profiles, system certificates and the first administrator) and by
 * {@code serve}; closing it closes both resources.
 */
final class CaRuntime implements AutoCloseable {
    private final JdbcStore store;
    private final FileAuditLog audit;
    private final Authority authority;
    private final RevocationAuthority status;
    private final Cluster.Node node;

    private CaRuntime(JdbcStore store, FileAuditLog audit, Authority authority, RevocationAuthority status,
            Cluster.Node node) {
        this.store = store;
        this.audit = audit;
        this.authority = authority;
        this.status = status;
        this.node = node;
    }

    /**
     * Opens the store (UNAVAILABLE if the database cannot be reached) and the audit log, then builds the
     * authority. {@code serve} signs the audit log with auditSigningCert; {@code ca init} cannot yet (that
     * key is one of the certificates it issues), and the first seal of {@code serve} covers its records.
     */
    static CaRuntime open(InstanceLayout layout, BrevetConfig config, CaIdentity identity, AuditSigning signing,
            OcspSigning ocspSigning, Clock clock, SecureRandom random) {
        JdbcStore store = JdbcStore.open(databaseConfig(layout, config));
        FileAuditLog audit = null;
        try {
            audit = FileAuditLog.open(layout.auditDir(), clock, signing);
            AuthorityConfig urls = authorityConfig(config);
            Authority authority = Authority.create(urls, identity, store.repositories(), audit, clock, random);
            Cluster cluster = new Cluster(ClusterNodeSettings.of(config), new ClusterStores(store.leases(),
                    store.clusterNodes(), store.crlUpdateRequests()), clock);
            RevocationAuthority status = RevocationAuthority.create(crlConfig(config, urls), ocspConfig(config),
                    ocspSigning, identity, store.repositories().certificates(), store.revocations(),
                    cluster.fence(store.crls()), audit, clock);
            return new CaRuntime(store, audit, authority, status, cluster.start(status.crlSchedule(), audit));
        } catch (RuntimeException e) {
            if (audit != null) {
                audit.close();
            }
            store.close();
            throw e;
        }
    }

    /** MasterCRL as brevet.conf sets it; the delta CRL is published next to the full one. */
    static CrlConfig crlConfig(BrevetConfig config, AuthorityConfig urls) {
        BrevetConfig.Status st = config.status();
        CrlConfig crl = CrlConfig.master(urls.crlUrl(), crlWorkDirectory())
                .withUpdateInterval(Duration.ofMinutes(st.crlUpdateMinutes()))
                .withKeepExpired(Duration.ofDays(st.crlKeepExpiredDays()))
                .withDailyTimes(st.crlDailyTimes());
        return st.crlDeltas()
                ? crl.withDeltas(Duration.ofMinutes(st.crlDeltaMinutes()), urls.crlUrl().replace(".crl", "-delta.crl"))
                : crl;
    }

    static OcspConfig ocspConfig(BrevetConfig config) {
        BrevetConfig.Status st = config.status();
        return OcspConfig.defaults().withNonces(st.ocspNonces()).withValidity(Duration.ofMinutes(st.ocspValidityMinutes()));
    }

    /**
     * Where CRL entries are spooled while a CRL is generated: the system's temporary directory (what a CRL
     * lists is public, and the spool is deleted as soon as the CRL is stored; {@code data/} stays the
     * embedded database's alone).
     */
    private static Path crlWorkDirectory() {
        return Path.of(System.getProperty("java.io.tmpdir"));
    }

    static DatabaseConfig databaseConfig(InstanceLayout layout, BrevetConfig config) {
        BrevetConfig.Database db = config.database();
        if (db.isEmbedded()) {
            DatabaseConfig h2 = DatabaseConfig.h2(layout.dataDir());
            return new DatabaseConfig(h2.jdbcUrl(), h2.user(), h2.password(), db.maxPoolSize());
        }
        Secret password = db.passwordFile().map(PasswordFiles::readSingle).orElse(Secret.of(""));
        return new DatabaseConfig(db.url().orElseThrow(), db.user().orElse(""), password, db.maxPoolSize());
    }

    /** The URLs certificates carry, on the plain HTTP listener of the first host name. */
    static AuthorityConfig authorityConfig(BrevetConfig config) {
        String base = "http://" + config.server().primaryHostname() + ":" + config.server().httpPort();
        return new AuthorityConfig(base + "/ca/ocsp", base + "/ca/cacert.der", base + "/crl/MasterCRL.crl");
    }

    Authority authority() {
        return authority;
    }

    /** Revocation, the MasterCRL issuing point and the OCSP responder. */
    RevocationAuthority status() {
        return status;
    }

    /** This node in the cluster: the CRL master lease and the CRL requests handed to the master. */
    Cluster.Node node() {
        return node;
    }

    /** The KRA's repositories. */
    org.brevet.kra.KraStores kraStores() {
        return new org.brevet.kra.KraStores(store.keys(), store.keyRecoveries());
    }

    org.brevet.ca.api.AuditLog audit() {
        return audit;
    }

    /** The SCEP server over this runtime's authority and store (docs/SCEP.md). */
    Scep scep(BrevetConfig config, RaKey ra, CaIdentity identity, Clock clock, SecureRandom random) {
        return new ScepService(new ScepConfig(config.scep().profile()), ra, identity.chain(), authority.enrollment(),
                store.repositories().certificates(), store.scep(), new RoleGate(audit), clock, random);
    }

    /** The nodes the shared database knows. */
    ClusterNodes clusterNodes() {
        return store.clusterNodes();
    }

    Repositories repositories() {
        return store.repositories();
    }

    @Override
    public void close() {
        try {
            audit.close();
        } finally {
            store.close();
        }
    }
}
