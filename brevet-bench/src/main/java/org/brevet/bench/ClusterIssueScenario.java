package org.brevet.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Security;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Issuance throughput of a cluster: {@code ca init} on an embedded PostgreSQL, {@code ca export-keys}, then
 * {@code ca clone} for each further node, every node served by its own {@code brevet serve} process; each
 * node gets its own load driver (same concurrency), run at the same time, and the figures are summed.
 */
@Command(name = "cluster-issue", mixinStandardHelpOptions = true,
        description = "Certificates/second through REST enrollment on 1..N clones sharing one PostgreSQL database.")
final class ClusterIssueScenario implements Callable<Integer> {
    @Option(names = "--nodes", defaultValue = "3", description = "number of nodes (default ${DEFAULT-VALUE})")
    int nodes;

    @Option(names = "--ca-key", defaultValue = "ec:p256", description = "CA key (default ${DEFAULT-VALUE})")
    String caKey;

    @Option(names = "--seconds", defaultValue = "20", description = "measured seconds (default ${DEFAULT-VALUE})")
    int seconds;

    @Option(names = "--warmup", defaultValue = "10", description = "warm-up seconds (default ${DEFAULT-VALUE})")
    int warmup;

    @Option(names = "--concurrency", defaultValue = "8", description = "concurrent connections per node (default ${DEFAULT-VALUE})")
    int concurrency;

    @Option(names = "--server-java-opts", defaultValue = "-Xms512m -Xmx512m", description = "JVM options of each node")
    String serverJavaOpts;

    @Option(names = "--brevet", description = "the brevet launcher (default: bin/brevet next to this one)")
    Path brevet;

    @Override
    public Integer call() throws Exception {
        if (nodes < 1) {
            throw new IllegalArgumentException("--nodes must be at least 1");
        }
        if (Security.getProvider("BC") == null) {
            Security.addProvider(new BouncyCastleProvider());
        }
        Path launcher = brevet != null ? brevet : Path.of(System.getProperty("brevet.home", "."), "bin", "brevet");
        Path scratch = Files.createTempDirectory("brevet-bench-cluster-");
        List<CaServerProcess> servers = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(nodes);
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().setServerConfig("listen_addresses", "127.0.0.1")
                .setServerConfig("synchronous_commit", "on").start()) {
            List<String> db = List.of("--db-url", pg.getJdbcUrl("postgres", "postgres"), "--db-user", "postgres");
            CaServerProcess first = new CaServerProcess(launcher, scratch.resolve("node1"));
            servers.add(first);
            first.init(caKey, db);
            Path keys = scratch.resolve("master.p12");
            Path password = scratch.resolve("p12.pw");
            Files.writeString(password, "bench-backup-password\n");
            first.exportKeys(keys, password);
            for (int i = 2; i <= nodes; i++) {
                CaServerProcess clone = new CaServerProcess(launcher, scratch.resolve("node" + i));
                servers.add(clone);
                clone.cloneOf(keys, password, db);
            }
            for (CaServerProcess s : servers) {
                s.start(serverJavaOpts);
            }
            byte[] body = IssueScenario.enrollmentBody("caECServerCert", KeyChoice.parse("ec:p256"));
            List<Future<LoadDriver.Result>> runs = new ArrayList<>();
            for (CaServerProcess s : servers) {
                LoadDriver driver = new LoadDriver(s.adminTls(first.instance()), "localhost", s.httpsPort(),
                        "/ca/rest/certrequests", body, first.caCertificate().getPublicKey());
                runs.add(pool.submit(() -> driver.run(concurrency, warmup, seconds)));
            }
            long issued = 0;
            long errors = 0;
            String firstError = null;
            for (Future<LoadDriver.Result> r : runs) {
                LoadDriver.Result result = r.get();
                issued += result.issued();
                errors += result.errors();
                firstError = firstError != null ? firstError : result.firstError();
            }
            System.out.printf(Locale.ROOT, "cluster-issue: nodes=%d ca=%s concurrency=%d per node: %d certificates in %d s, %d errors%s%n",
                    nodes, caKey, concurrency, issued, seconds, errors, firstError == null ? "" : " (first: " + firstError + ")");
            System.out.printf(Locale.ROOT, "RESULT scenario=cluster-issue nodes=%d ca_key=%s concurrency_per_node=%d issued_per_s=%.1f errors=%d cores=%d%n",
                    nodes, caKey, concurrency, issued / (double) seconds, errors, Runtime.getRuntime().availableProcessors());
            return errors == 0 && issued > 0 ? 0 : 1;
        } finally {
            pool.shutdownNow();
            for (CaServerProcess s : servers) {
                s.close();
            }
            IssueScenario.deleteRecursively(scratch);
        }
    }
}
