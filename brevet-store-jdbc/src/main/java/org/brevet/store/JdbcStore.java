package org.brevet.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import java.util.Objects;
import org.brevet.ca.api.store.ClusterNodes;
import org.brevet.ca.api.store.CrlRepository;
import org.brevet.ca.api.store.CrlUpdateRequests;
import org.brevet.ca.api.store.Leases;
import org.brevet.ca.api.store.Repositories;
import org.brevet.ca.api.store.RevocationRepository;
import org.brevet.ca.api.store.ScepRepository;
import org.brevet.pki.BrevetException;
import org.brevet.pki.ErrorKind;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The CA's store on H2 or PostgreSQL: a HikariCP pool, the schema brought up to date by Flyway, and the
 * repositories of {@link Repositories}. Open once per process; {@link #close()} finishes the writes in
 * progress and closes the pool (and with it the embedded H2 database). Thread-safe.
 */
public final class JdbcStore implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(JdbcStore.class);
    private static final String MIGRATIONS = "classpath:org/brevet/store/migration";

    /** How long the first connection may take before start-up fails; a closed port fails at once. */
    private static final long INITIALIZATION_FAIL_TIMEOUT_MS = 2_000;
    /** How long a caller waits for a pooled connection before UNAVAILABLE. */
    private static final long CONNECTION_TIMEOUT_MS = 5_000;
    private static final long VALIDATION_TIMEOUT_MS = 2_000;

    private final HikariDataSource dataSource;
    private final Writes writes;
    private final Repositories repositories;
    private final JdbcRevocationRepository revocations;
    private final JdbcCrlRepository crls;
    private final JdbcLeases leases;
    private final JdbcClusterNodes nodes;
    private final JdbcCrlUpdateRequests crlRequests;
    private final JdbcKeyRepository keys;
    private final JdbcKeyRecoveryRepository keyRecoveries;
    private final JdbcScepRepository scep;

    private JdbcStore(HikariDataSource dataSource, Dialect dialect) {
        this.dataSource = dataSource;
        this.writes = dialect.writes(dataSource);
        Jdbc jdbc = new Jdbc(dataSource, dialect, writes);
        this.repositories = new Repositories(
                new JdbcRequestRepository(jdbc),
                new JdbcIssuanceRepository(jdbc),
                new JdbcCertificateRepository(jdbc),
                new JdbcProfileRepository(jdbc),
                new JdbcUserRepository(jdbc),
                new JdbcStoreHealth(jdbc));
        this.revocations = new JdbcRevocationRepository(jdbc);
        this.crls = new JdbcCrlRepository(jdbc);
        this.leases = new JdbcLeases(jdbc);
        this.nodes = new JdbcClusterNodes(jdbc);
        this.crlRequests = new JdbcCrlUpdateRequests(jdbc);
        this.keys = new JdbcKeyRepository(jdbc);
        this.keyRecoveries = new JdbcKeyRecoveryRepository(jdbc);
        this.scep = new JdbcScepRepository(jdbc);
    }

    /**
     * Connects, migrates the schema and returns the store. Fails within seconds with
     * {@code BrevetException(UNAVAILABLE, "database unreachable: <url>: <reason>")} when the database
     * cannot be reached (the URL never shows a password).
     */
    public static JdbcStore open(DatabaseConfig config) {
        Objects.requireNonNull(config, "config");
        Dialect dialect = Dialect.of(config.jdbcUrl());
        HikariDataSource dataSource = connect(config, dialect);
        try {
            migrate(dataSource, config);
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
        LOG.info("store - opened {} ({} connections at most)", config.safeUrl(), config.maxPoolSize());
        return new JdbcStore(dataSource, dialect);
    }

    public Repositories repositories() {
        return repositories;
    }

    /** Revocations and released holds (issue 4; apart from {@link Repositories} for now). */
    public RevocationRepository revocations() {
        return revocations;
    }

    /** CRL numbers and the latest CRLs of each issuing point. */
    public CrlRepository crls() {
        return crls;
    }

    /** Leases shared by the nodes of a cluster (the CRL master's). */
    public Leases leases() {
        return leases;
    }

    /** The nodes of a cluster and their heartbeats. */
    public ClusterNodes clusterNodes() {
        return nodes;
    }

    /** CRL generation requests handed to the CRL master. */
    public CrlUpdateRequests crlUpdateRequests() {
        return crlRequests;
    }

    /** The KRA's archived keys and certificates (issue 5). */
    public org.brevet.ca.api.store.KeyRepository keys() {
        return keys;
    }

    /** The KRA's recovery requests and approvals (issue 5). */
    public org.brevet.ca.api.store.KeyRecoveryRepository keyRecoveries() {
        return keyRecoveries;
    }

    /** SCEP challenge passwords and transactions. */
    public ScepRepository scep() {
        return scep;
    }

    @Override
    public void close() {
        writes.close();
        dataSource.close();
    }

    private static HikariDataSource connect(DatabaseConfig config, Dialect dialect) {
        HikariConfig hikari = new HikariConfig();
        hikari.setPoolName("brevet-store");
        hikari.setJdbcUrl(config.jdbcUrl());
        hikari.setUsername(config.user());
        hikari.setPassword(config.password().reveal());
        hikari.setMaximumPoolSize(config.maxPoolSize());
        hikari.setInitializationFailTimeout(INITIALIZATION_FAIL_TIMEOUT_MS);
        hikari.setConnectionTimeout(CONNECTION_TIMEOUT_MS);
        hikari.setValidationTimeout(VALIDATION_TIMEOUT_MS);
        hikari.setAutoCommit(true);
        dialect.configure(hikari);
        try {
            return new HikariDataSource(hikari);
        } catch (HikariPool.PoolInitializationException e) {
            throw unreachable(config, e);
        } catch (RuntimeException e) {
            // the driver refused the URL or its properties before any connection was tried
            throw unreachable(config, e);
        }
    }

    private static void migrate(HikariDataSource dataSource, DatabaseConfig config) {
        try {
            Flyway.configure(JdbcStore.class.getClassLoader())
                    .dataSource(dataSource)
                    .locations(MIGRATIONS)
                    .failOnMissingLocations(true)
                    .load()
                    .migrate();
        } catch (FlywayException e) {
            throw new BrevetException(ErrorKind.UNAVAILABLE,
                    "database schema migration failed: " + config.safeUrl() + ": "
                            + withoutPassword(SqlFailures.reason(e), config), e);
        }
    }

    private static BrevetException unreachable(DatabaseConfig config, Exception e) {
        return new BrevetException(ErrorKind.UNAVAILABLE,
                "database unreachable: " + config.safeUrl() + ": " + withoutPassword(SqlFailures.reason(e), config), e);
    }

    /** Drivers do not echo passwords, but a reason is shown to operators, so make sure. */
    private static String withoutPassword(String reason, DatabaseConfig config) {
        return config.password().isEmpty() ? reason : reason.replace(config.password().reveal(), "***");
    }
}
