package org.brevet.server;

import java.security.SecureRandom;
import java.time.Clock;
import org.brevet.ca.Authority;
import org.brevet.ca.AuthorityConfig;
import org.brevet.ca.CaIdentity;
import org.brevet.ca.audit.AuditSigning;
import org.brevet.ca.audit.FileAuditLog;
import org.brevet.ca.api.store.Repositories;
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

    private CaRuntime(JdbcStore store, FileAuditLog audit, Authority authority) {
        this.store = store;
        this.audit = audit;
        this.authority = authority;
    }

    /**
     * Opens the store (UNAVAILABLE if the database cannot be reached) and the audit log, then builds the
     * authority. {@code serve} signs the audit log with auditSigningCert; {@code ca init} cannot yet (that
     * key is one of the certificates it issues), and the first seal of {@code serve} covers its records.
     */
    static CaRuntime open(InstanceLayout layout, BrevetConfig config, CaIdentity identity, AuditSigning signing,
            Clock clock, SecureRandom random) {
        JdbcStore store = JdbcStore.open(databaseConfig(layout, config));
        FileAuditLog audit = null;
        try {
            audit = FileAuditLog.open(layout.auditDir(), clock, signing);
            Authority authority = Authority.create(authorityConfig(config), identity, store.repositories(), audit,
                    clock, random);
            return new CaRuntime(store, audit, authority);
        } catch (RuntimeException e) {
            if (audit != null) {
                audit.close();
            }
            store.close();
            throw e;
        }
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
