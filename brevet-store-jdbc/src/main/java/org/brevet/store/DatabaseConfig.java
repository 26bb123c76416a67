package org.brevet.store;

import java.nio.file.Path;
import java.util.Objects;
import java.util.regex.Pattern;
import org.brevet.pki.BrevetException;
import org.brevet.pki.ErrorKind;
import org.brevet.pki.Secret;

/**
 * Where the store lives: a JDBC URL ({@code jdbc:h2:...} or {@code jdbc:postgresql://...}), the
 * credentials, and the size of the connection pool.
 *
 * @param maxPoolSize at most this many connections are open at once
 */
public record DatabaseConfig(String jdbcUrl, String user, Secret password, int maxPoolSize) {
    /** Pool size of the embedded default: enough for the HTTP worker threads that touch the store at once. */
    public static final int DEFAULT_POOL_SIZE = 16;

    /**
     * H2 settings of the embedded database. {@code WRITE_DELAY=0} makes every commit write its changes to
     * the database file before the commit returns (H2's default keeps them in memory for up to 500 ms), so
     * a committed transaction survives {@code kill -9} of the JVM. {@code DB_CLOSE_ON_EXIT=FALSE} leaves
     * closing to {@link JdbcStore#close()}, so requests still in flight at shutdown do not meet a closed
     * database. {@code QUERY_CACHE_SIZE} keeps every statement of the store parsed once per connection.
     */
    static final String H2_SETTINGS = ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE;QUERY_CACHE_SIZE=64";

    private static final Pattern PASSWORD_PARAMETER =
            Pattern.compile("(?i)([;?&](password|pwd)=)[^;&]*");
    private static final Pattern USER_INFO = Pattern.compile("(//[^/@:]*):[^/@]*@");

    public DatabaseConfig {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        if (!jdbcUrl.startsWith("jdbc:h2:") && !jdbcUrl.startsWith("jdbc:postgresql:")) {
            throw new BrevetException(ErrorKind.MALFORMED,
                    "database URL must start with jdbc:h2: or jdbc:postgresql: (got " + redact(jdbcUrl) + ")");
        }
        if (maxPoolSize < 1) {
            throw new BrevetException(ErrorKind.MALFORMED, "database pool size must be at least 1");
        }
    }

    /** The embedded H2 database {@code dataDir/brevet.mv.db} (created on first open). */
    public static DatabaseConfig h2(Path dataDir) {
        Path file = dataDir.toAbsolutePath().normalize().resolve("brevet");
        return new DatabaseConfig("jdbc:h2:file:" + file + H2_SETTINGS, "brevet", Secret.of(""), DEFAULT_POOL_SIZE);
    }

    /** A PostgreSQL database, e.g. {@code jdbc:postgresql://db.example.com:5432/brevet}. */
    public static DatabaseConfig postgresql(String jdbcUrl, String user, Secret password) {
        return new DatabaseConfig(jdbcUrl, user, password, DEFAULT_POOL_SIZE);
    }

    /** The URL as it may be shown in messages and logs: any password in it replaced by {@code ***}. */
    public String safeUrl() {
        return redact(jdbcUrl);
    }

    private static String redact(String url) {
        String noParameter = PASSWORD_PARAMETER.matcher(url).replaceAll("$1***");
        return USER_INFO.matcher(noParameter).replaceAll("$1:***@");
    }

    @Override
    public String toString() {
        return "DatabaseConfig[" + safeUrl() + ", user=" + user + ", maxPoolSize=" + maxPoolSize + "]";
    }
}
