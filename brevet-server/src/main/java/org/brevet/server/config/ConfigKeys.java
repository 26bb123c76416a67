package org.brevet.server.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.brevet.pki.BrevetException;

/**
 * Every key of brevet.conf, its default and its check, in one place. An unknown key is an error
 * (a typo must not silently fall back to a default).
 */
final class ConfigKeys {
    static final String BIND = "server.bind";
    static final String HOSTNAMES = "server.hostnames";
    static final String HTTPS_PORT = "server.https.port";
    static final String HTTP_PORT = "server.http.port";
    static final String MAX_THREADS = "server.threads.max";
    static final String DB_URL = "db.url";
    static final String DB_USER = "db.user";
    static final String DB_PASSWORD_FILE = "db.password.file";
    static final String DB_POOL_MAX = "db.pool.max";

    static final String CRL_UPDATE = "crl.update.minutes";
    static final String CRL_DELTAS = "crl.delta.enabled";
    static final String CRL_DELTA_UPDATE = "crl.delta.update.minutes";
    static final String CRL_KEEP_EXPIRED = "crl.expired.keep.days";
    static final String CRL_UPDATE_TIMES = "crl.update.times";
    static final String OCSP_NONCES = "ocsp.nonces";
    static final String OCSP_SIGNER = "ocsp.signer";
    static final String OCSP_VALIDITY = "ocsp.validity.minutes";
    static final String CLUSTER_NODE = "cluster.node";
    static final String CLUSTER_LEASE = "cluster.lease.seconds";
    static final String CLUSTER_HEARTBEAT = "cluster.heartbeat.seconds";
    static final String KRA_APPROVALS = "kra.recovery.approvals";
    static final String SCEP_PROFILE = "scep.profile";
    static final String SIGNER_OCSP_CERT = "ocspSigningCert";
    static final String SIGNER_CA_KEY = "caSigningCert";

    static final List<String> KNOWN = List.of(BIND, HOSTNAMES, HTTPS_PORT, HTTP_PORT, MAX_THREADS, DB_URL, DB_USER,
            DB_PASSWORD_FILE, DB_POOL_MAX, CRL_UPDATE, CRL_DELTAS, CRL_DELTA_UPDATE, CRL_KEEP_EXPIRED, OCSP_NONCES,
            OCSP_SIGNER, OCSP_VALIDITY, CRL_UPDATE_TIMES, CLUSTER_NODE, CLUSTER_LEASE, CLUSTER_HEARTBEAT, KRA_APPROVALS,
            SCEP_PROFILE);

    /** Defaults, declared once. */
    static final Map<String, String> DEFAULTS = Map.ofEntries(
            Map.entry(BIND, "0.0.0.0"),
            Map.entry(HOSTNAMES, "localhost"),
            Map.entry(HTTPS_PORT, "8443"),
            Map.entry(HTTP_PORT, "8080"),
            Map.entry(MAX_THREADS, "200"),
            Map.entry(DB_POOL_MAX, "16"),
            Map.entry(CRL_UPDATE, "240"),
            Map.entry(CRL_DELTAS, "false"),
            Map.entry(CRL_DELTA_UPDATE, "15"),
            Map.entry(CRL_KEEP_EXPIRED, "0"),
            Map.entry(CRL_UPDATE_TIMES, ""),
            Map.entry(OCSP_NONCES, "true"),
            Map.entry(OCSP_SIGNER, SIGNER_OCSP_CERT),
            Map.entry(OCSP_VALIDITY, "240"),
            Map.entry(CLUSTER_LEASE, "30"),
            Map.entry(CLUSTER_HEARTBEAT, "5"),
            Map.entry(KRA_APPROVALS, "1"),

            Map.entry(SCEP_PROFILE, BrevetConfig.Scep.DEFAULTS.profile()));

    private static final Pattern PROFILE_ID = Pattern.compile("[A-Za-z0-9_.-]{1,100}");
    private static final Pattern TIME_OF_DAY = Pattern.compile("([01]?[0-9]|2[0-3]):[0-5][0-9]");
    private static final Pattern HOSTNAME = Pattern.compile(
            "[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*");
    private static final Pattern NODE_ID = Pattern.compile("[A-Za-z0-9._:-]+");
    private static final Pattern ADDRESS = Pattern.compile("[0-9A-Fa-f:.]+|" + HOSTNAME.pattern());

    private ConfigKeys() {
    }

    static BrevetConfig build(Map<String, String> entries, Path baseDir) {
        for (String key : entries.keySet()) {
            if (!KNOWN.contains(key)) {
                throw BrevetException.malformed(key + ": unknown key (known keys: " + String.join(", ", KNOWN) + ")", null);
            }
        }
        Map<String, String> values = new LinkedHashMap<>(DEFAULTS);
        values.putAll(entries);
        BrevetConfig.Server server = new BrevetConfig.Server(
                address(values.get(BIND)),
                hostnames(values.get(HOSTNAMES)),
                integer(values, HTTPS_PORT, 0, 65535),
                integer(values, HTTP_PORT, 0, 65535),
                integer(values, MAX_THREADS, 8, 10_000));
        if (server.httpsPort() != 0 && server.httpsPort() == server.httpPort()) {
            throw BrevetException.malformed(HTTP_PORT + ": must differ from " + HTTPS_PORT, null);
        }
        Optional<String> url = optional(values, DB_URL);
        url.ifPresent(ConfigKeys::jdbcUrl);
        Optional<String> user = optional(values, DB_USER);
        if (url.map(u -> u.startsWith("jdbc:postgresql:")).orElse(false) && user.isEmpty()) {
            throw BrevetException.malformed(DB_USER + ": required with a PostgreSQL " + DB_URL, null);
        }
        Optional<Path> passwordFile = optional(values, DB_PASSWORD_FILE).map(baseDir::resolve);
        return new BrevetConfig(server, new BrevetConfig.Database(url, user, passwordFile,
                integer(values, DB_POOL_MAX, 1, 500)), status(values), cluster(values),
                new BrevetConfig.Kra(integer(values, KRA_APPROVALS, 1, 100)), scep(values));
    }

    private static BrevetConfig.Cluster cluster(Map<String, String> values) {
        Optional<String> node = optional(values, CLUSTER_NODE);
        if (node.filter(n -> n.length() > 255 || !NODE_ID.matcher(n).matches()).isPresent()) {
            throw BrevetException.malformed(CLUSTER_NODE + ": letters, digits and . _ : - only, at most 255 characters", null);
        }
        int lease = integer(values, CLUSTER_LEASE, 2, 3600);
        int heartbeat = integer(values, CLUSTER_HEARTBEAT, 1, 1800);
        if (heartbeat * 2 > lease) {
            throw BrevetException.malformed(CLUSTER_HEARTBEAT + ": must be at most half of " + CLUSTER_LEASE + " ("
                    + lease + ")", null);
        }
        return new BrevetConfig.Cluster(node, lease, heartbeat);
    }

    private static BrevetConfig.Scep scep(Map<String, String> values) {
        String profile = values.get(SCEP_PROFILE);
        if (!PROFILE_ID.matcher(profile).matches()) {
            throw BrevetException.malformed(SCEP_PROFILE + ": not a profile id: '" + profile + "'", null);
        }
        return new BrevetConfig.Scep(profile);
    }

    private static BrevetConfig.Status status(Map<String, String> values) {
        String signer = values.get(OCSP_SIGNER);
        if (!signer.equals(SIGNER_OCSP_CERT) && !signer.equals(SIGNER_CA_KEY)) {
            throw BrevetException.malformed(OCSP_SIGNER + ": must be " + SIGNER_OCSP_CERT + " or " + SIGNER_CA_KEY
                    + ", got '" + signer + "'", null);
        }
        return new BrevetConfig.Status(integer(values, CRL_UPDATE, 1, 10_080), bool(values, CRL_DELTAS),
                integer(values, CRL_DELTA_UPDATE, 1, 10_080), integer(values, CRL_KEEP_EXPIRED, 0, 3650),
                bool(values, OCSP_NONCES), signer.equals(SIGNER_CA_KEY), integer(values, OCSP_VALIDITY, 2, 10_080),
                times(values.get(CRL_UPDATE_TIMES)));
    }

    /** {@code HH:MM[, HH:MM]...} in UTC; empty: none. */
    private static List<LocalTime> times(String value) {
        List<LocalTime> times = new ArrayList<>();
        for (String item : value.split(",")) {
            String time = item.strip();
            if (time.isEmpty()) {
                continue;
            }
            if (!TIME_OF_DAY.matcher(time).matches()) {
                throw BrevetException.malformed(CRL_UPDATE_TIMES + ": not a time of day HH:MM (UTC): '" + time + "'", null);
            }
            times.add(LocalTime.parse(time.length() == 4 ? "0" + time : time));
        }
        return times;
    }

    private static boolean bool(Map<String, String> values, String key) {
        String value = values.get(key);
        if (value.equals("true") || value.equals("false")) {
            return Boolean.parseBoolean(value);
        }
        throw BrevetException.malformed(key + ": must be true or false, got '" + value + "'", null);
    }

    static String render(BrevetConfig c) {
        StringBuilder out = new StringBuilder();
        out.append("# Brevet CA instance configuration (docs/CONFIGURATION.md). Unknown keys are errors.\n\n");
        line(out, "Address both listeners bind (0.0.0.0: every interface).", BIND, c.server().bindAddress());
        line(out, "Host names clients use; the first goes into certificate URLs (AIA, CRL).", HOSTNAMES,
                String.join(", ", c.server().hostnames()));
        line(out, "HTTPS port: enrollment, agents, administration.", HTTPS_PORT, Integer.toString(c.server().httpsPort()));
        line(out, "Plain HTTP port: CA certificate, health, CRLs, OCSP (later SCEP).", HTTP_PORT,
                Integer.toString(c.server().httpPort()));
        line(out, "Largest HTTPS worker thread pool.", MAX_THREADS, Integer.toString(c.server().maxThreads()));
        BrevetConfig.Database db = c.database();
        if (db.url().isPresent()) {
            line(out, "JDBC URL of the database (jdbc:h2:... or jdbc:postgresql://...).", DB_URL, db.url().get());
        } else {
            out.append("# JDBC URL of the database; absent: the embedded H2 database in data/.\n# ")
                    .append(DB_URL).append(" = jdbc:postgresql://db.example.com/brevet\n\n");
        }
        db.user().ifPresent(u -> line(out, "Database user.", DB_USER, u));
        db.passwordFile().ifPresent(p -> line(out, "File holding the database password (first line).", DB_PASSWORD_FILE,
                p.toString()));
        line(out, "Largest database connection pool.", DB_POOL_MAX, Integer.toString(db.maxPoolSize()));
        BrevetConfig.Status st = c.status();
        line(out, "Minutes between full CRLs of MasterCRL (nextUpdate is this far ahead).", CRL_UPDATE,
                Integer.toString(st.crlUpdateMinutes()));
        line(out, "Times of day (HH:MM, UTC, comma-separated) at which a full CRL is also generated; empty: none.",
                CRL_UPDATE_TIMES, st.crlDailyTimes().stream().map(LocalTime::toString).collect(Collectors.joining(", ")));
        line(out, "Generate delta CRLs (true or false).", CRL_DELTAS, Boolean.toString(st.crlDeltas()));
        line(out, "Minutes between delta CRLs.", CRL_DELTA_UPDATE, Integer.toString(st.crlDeltaMinutes()));
        line(out, "Days an entry stays on the CRL after its certificate expired.", CRL_KEEP_EXPIRED,
                Integer.toString(st.crlKeepExpiredDays()));
        line(out, "Echo OCSP nonces (false: ignore them and answer from pre-signed responses).", OCSP_NONCES,
                Boolean.toString(st.ocspNonces()));
        line(out, "Key that signs OCSP responses: ocspSigningCert or caSigningCert.", OCSP_SIGNER,
                st.ocspSignedByCaKey() ? SIGNER_CA_KEY : SIGNER_OCSP_CERT);
        line(out, "Minutes an OCSP response is valid.", OCSP_VALIDITY, Integer.toString(st.ocspValidityMinutes()));
        BrevetConfig.Cluster cl = c.cluster();
        if (cl.nodeId().isPresent()) {
            line(out, "This node's id in the cluster (default: first host name:HTTPS port).", CLUSTER_NODE, cl.nodeId().get());
        }
        line(out, "Seconds the CRL master lease lasts without renewal (failover time).", CLUSTER_LEASE,
                Integer.toString(cl.leaseSeconds()));
        line(out, "Seconds between heartbeats (at most half the lease).", CLUSTER_HEARTBEAT,
                Integer.toString(cl.heartbeatSeconds()));
        line(out, "Distinct agents who must approve a key recovery (KRA).", KRA_APPROVALS,
                Integer.toString(c.kra().recoveryApprovals()));
        line(out, "Profile of SCEP enrollments when the path (/scep/PROFILE) names none.", SCEP_PROFILE,
                c.scep().profile());
        return out.toString();
    }

    private static void line(StringBuilder out, String comment, String key, String value) {
        out.append("# ").append(comment).append('\n').append(key).append(" = ").append(value).append("\n\n");
    }

    private static Optional<String> optional(Map<String, String> values, String key) {
        return Optional.ofNullable(values.get(key)).filter(v -> !v.isEmpty());
    }

    private static int integer(Map<String, String> values, String key, int min, int max) {
        String value = values.get(key);
        try {
            int n = Integer.parseInt(value);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below, with the range
        }
        throw BrevetException.malformed(key + ": must be a whole number from " + min + " to " + max
                + ", got '" + value + "'", null);
    }

    private static String address(String value) {
        if (!ADDRESS.matcher(value).matches()) {
            throw BrevetException.malformed(BIND + ": not an IP address or host name: '" + value + "'", null);
        }
        return value;
    }

    private static List<String> hostnames(String value) {
        List<String> names = new ArrayList<>();
        for (String name : Arrays.stream(value.split(",")).map(String::strip).collect(Collectors.toList())) {
            if (!HOSTNAME.matcher(name).matches()) {
                throw BrevetException.malformed(HOSTNAMES + ": not a host name: '" + name + "'", null);
            }
            names.add(name);
        }
        return names;
    }

    private static void jdbcUrl(String url) {
        if (!url.startsWith("jdbc:h2:") && !url.startsWith("jdbc:postgresql:")) {
            throw BrevetException.malformed(DB_URL + ": must start with jdbc:h2: or jdbc:postgresql:", null);
        }
    }
}
