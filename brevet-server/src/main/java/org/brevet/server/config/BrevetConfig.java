package org.brevet.server.config;

import java.nio.file.Path;
import java.time.LocalTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The typed configuration of a CA instance, read from {@code conf/brevet.conf} by {@link ConfigFile}
 * (format and keys: docs/CONFIGURATION.md). Immutable: built once, validated, then only read.
 */
public record BrevetConfig(Server server, Database database, Status status, Cluster cluster, Kra kra, Scep scep) {
    public BrevetConfig {
        Objects.requireNonNull(kra, "kra");
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(cluster, "cluster");
        Objects.requireNonNull(scep, "scep");
    }

    /** With the default SCEP settings. */
    public BrevetConfig(Server server, Database database, Status status, Cluster cluster, Kra kra) {
        this(server, database, status, cluster, kra, Scep.DEFAULTS);
    }

    /** With the default KRA and SCEP settings. */
    public BrevetConfig(Server server, Database database, Status status, Cluster cluster) {
        this(server, database, status, cluster, Kra.DEFAULTS);
    }

    /** With the default cluster, KRA and SCEP settings. */
    public BrevetConfig(Server server, Database database, Status status) {
        this(server, database, status, Cluster.DEFAULTS);
    }

    /**
     * The SCEP server (docs/SCEP.md).
     *
     * @param profile the profile SCEP enrollments use when the path names none ({@code scep.profile})
     */
    public record Scep(String profile) {
        public static final Scep DEFAULTS = new Scep("caServerCert");

        public Scep {
            Objects.requireNonNull(profile, "profile");
        }
    }

    /** With the default CRL and OCSP settings. */
    public BrevetConfig(Server server, Database database) {
        this(server, database, Status.DEFAULTS);
    }

    /**
     * CRLs (issuing point MasterCRL) and OCSP.
     *
     * @param crlUpdateMinutes      a full CRL is generated this often; its nextUpdate is this far ahead
     * @param crlDeltas             whether delta CRLs are generated (and named in full CRLs as FreshestCRL)
     * @param crlDeltaMinutes       a delta CRL is generated this often
     * @param crlKeepExpiredDays    days an entry stays on the CRL after its certificate expired
     * @param ocspNonces            echo OCSP nonces (false: ignore them and answer from pre-signed responses)
     * @param ocspSignedByCaKey     sign OCSP responses with the CA key instead of ocspSigningCert
     * @param ocspValidityMinutes   OCSP responses are valid this long (nextUpdate = thisUpdate + this)
     * @param crlDailyTimes         times of day (UTC) at which a full CRL is also generated
     */
    public record Status(int crlUpdateMinutes, boolean crlDeltas, int crlDeltaMinutes, int crlKeepExpiredDays,
            boolean ocspNonces, boolean ocspSignedByCaKey, int ocspValidityMinutes, List<LocalTime> crlDailyTimes) {
        public static final Status DEFAULTS = new Status(240, false, 15, 0, true, false, 240, List.of());

        public Status {
            crlDailyTimes = List.copyOf(crlDailyTimes);
        }
    }

    /**
     * Clones on a shared PostgreSQL database (docs/HIGH-AVAILABILITY.md).
     *
     * @param nodeId           this node's id in the cluster; empty: {@code <first host name>:<https port>}
     * @param leaseSeconds     how long the CRL master lease lasts without renewal (the failover time)
     * @param heartbeatSeconds how often each node renews its heartbeat and, as master, the lease
     */
    public record Cluster(Optional<String> nodeId, int leaseSeconds, int heartbeatSeconds) {
        public static final Cluster DEFAULTS = new Cluster(Optional.empty(), 30, 5);

        public Cluster {
            Objects.requireNonNull(nodeId, "nodeId");
        }
    }

    /**
     * The KRA.
     *
     * @param recoveryApprovals distinct agents who must approve a key recovery (Dogtag's
     *                          kra.noOfRequiredRecoveryAgents)
     */
    public record Kra(int recoveryApprovals) {
        public static final Kra DEFAULTS = new Kra(1);
    }

    /**
     * The listeners.
     *
     * @param bindAddress where both listeners bind ({@code 0.0.0.0}: every interface, as Dogtag)
     * @param hostnames   the names clients use; the first one goes into certificate URLs (AIA, CRL DP)
     * @param httpsPort   TLS port for everything (0: any free port, for tests)
     * @param httpPort    plain HTTP port for what is public by nature (0: any free port)
     * @param maxThreads  largest HTTPS worker pool
     */
    public record Server(String bindAddress, List<String> hostnames, int httpsPort, int httpPort, int maxThreads) {
        public Server {
            Objects.requireNonNull(bindAddress, "bindAddress");
            hostnames = List.copyOf(hostnames);
            if (hostnames.isEmpty()) {
                throw new IllegalArgumentException("hostnames must not be empty");
            }
        }

        public String primaryHostname() {
            return hostnames.get(0);
        }
    }

    /**
     * The database.
     *
     * @param url          JDBC URL; empty: the embedded H2 database in the instance's {@code data/}
     * @param user         database user
     * @param passwordFile file holding the database password (first line)
     * @param maxPoolSize  largest connection pool
     */
    public record Database(Optional<String> url, Optional<String> user, Optional<Path> passwordFile, int maxPoolSize) {
        public Database {
            Objects.requireNonNull(url, "url");
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(passwordFile, "passwordFile");
        }

        public boolean isEmbedded() {
            return url.isEmpty();
        }
    }
}
