package org.brevet.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.brevet.pki.Certificate;
import org.brevet.pki.Secret;
import org.brevet.store.DatabaseConfig;
import org.brevet.store.JdbcStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Full CRL generation time and peak heap for growing numbers of revoked certificates, on H2 or PostgreSQL:
 * the rows are loaded into a migrated database ({@link RevokedRows}), then each generation runs in a fresh
 * JVM whose heap is capped ({@code --heap}), so a generator that held the entries in memory would fail.
 */
@Command(name = "crl", mixinStandardHelpOptions = true,
        description = "Full CRL generation time and peak heap for 10k, 100k and 1M revoked certificates.")
final class CrlScenario implements Callable<Integer> {
    private static final Pattern RUN = Pattern.compile(
            "CRLRUN ms=(\\d+) entries=(\\d+) bytes=(\\d+) peak_heap_mib=([0-9.]+)");

    @Option(names = "--entries", defaultValue = "10000,100000,1000000", split = ",",
            description = "numbers of revoked certificates (default ${DEFAULT-VALUE})")
    long[] entries;

    @Option(names = "--db", defaultValue = "h2", description = "h2 (embedded) or postgres (embedded PostgreSQL started by the bench)")
    String db;

    @Option(names = "--heap", defaultValue = "256m", description = "-Xmx of the generating JVM (default ${DEFAULT-VALUE})")
    String heap;

    @Override
    public Integer call() throws Exception {
        Path scratch = Files.createTempDirectory("brevet-bench-crl-");
        EmbeddedPostgres pg = null;
        try {
            DatabaseConfig config;
            if (db.equals("postgres")) {
                pg = EmbeddedPostgres.builder().start();
                config = DatabaseConfig.postgresql(pg.getJdbcUrl("postgres", "postgres"), "postgres", Secret.of("postgres"));
            } else if (db.equals("h2")) {
                config = DatabaseConfig.h2(scratch.resolve("data"));
            } else {
                throw new IllegalArgumentException("--db must be h2 or postgres");
            }
            JdbcStore.open(config).close(); // creates the schema
            String password = config.password().reveal();
            Certificate sample = CrlGenerationRun.identity(Instant.now()).certificate();
            long[] sizes = Arrays.stream(entries).sorted().toArray();
            List<String> results = new ArrayList<>();
            long loaded = 0;
            for (long n : sizes) {
                long loadStart = System.nanoTime();
                try (Connection c = DriverManager.getConnection(config.jdbcUrl(), config.user(), password)) {
                    new RevokedRows(c, sample.toDer().bytes(), sample.subject().rfc4514()).insert(loaded, n, Instant.now());
                }
                double loadSeconds = (System.nanoTime() - loadStart) / 1e9;
                loaded = n;
                Matcher run = generate(config, password, scratch.resolve("run-" + n));
                System.out.printf(Locale.ROOT, "crl: db=%s entries=%d: generated in %s ms, %s bytes, peak heap %s MiB (-Xmx%s); "
                        + "rows loaded in %.1f s%n", db, n, run.group(1), run.group(3), run.group(4), heap, loadSeconds);
                if (Long.parseLong(run.group(2)) != n) {
                    throw new IllegalStateException("the CRL lists " + run.group(2) + " entries, expected " + n);
                }
                results.add(String.format(Locale.ROOT, "ms_%d=%s heap_mib_%d=%s", n, run.group(1), n, run.group(4)));
            }
            System.out.println("RESULT scenario=crl db=" + db + " heap=" + heap + " " + String.join(" ", results));
            return 0;
        } finally {
            if (pg != null) {
                pg.close();
            }
            IssueScenario.deleteRecursively(scratch);
        }
    }

    private Matcher generate(DatabaseConfig config, String password, Path work) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder pb = new ProcessBuilder(java.toString(), "-Xmx" + heap, "-cp", System.getProperty("java.class.path"),
                CrlGenerationRun.class.getName(), config.jdbcUrl(), config.user(), work.toString())
                .redirectErrorStream(true);
        pb.environment().put(CrlGenerationRun.PASSWORD_VARIABLE, password);
        Process p = pb.start();
        StringBuilder output = new StringBuilder();
        Matcher found = null;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                output.append(line).append('\n');
                Matcher m = RUN.matcher(line);
                if (m.matches()) {
                    found = m;
                }
            }
        }
        if (p.waitFor() != 0 || found == null) {
            throw new IllegalStateException("CRL generation failed:\n" + output);
        }
        return found;
    }
}
