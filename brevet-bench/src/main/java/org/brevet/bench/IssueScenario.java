package org.brevet.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.Security;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.ExtensionsGenerator;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Issuance throughput of a real server: {@code ca init} + {@code serve} in a scratch directory, then
 * concurrent enrollments over HTTPS keep-alive by the bootstrap administrator (an agent, so the shipped
 * server profiles issue at once), compared with the crypto limit measured by JMH in the same run.
 */
@Command(name = "issue", mixinStandardHelpOptions = true,
        description = "Certificates/second through REST enrollment, with p50/p99 latency and the ratio to the crypto limit.")
final class IssueScenario implements Callable<Integer> {
    @Option(names = "--ca-key", defaultValue = "ec:p256", description = "CA key: rsa:2048, rsa:3072, ec:p256, ... (default ${DEFAULT-VALUE})")
    String caKey;

    @Option(names = "--key", defaultValue = "ec:p256", description = "key type of the submitted CSR (default ${DEFAULT-VALUE})")
    String csrKey;

    @Option(names = "--db", defaultValue = "h2", description = "h2 (embedded) or postgres (embedded PostgreSQL started by the bench)")
    String db;

    @Option(names = "--seconds", defaultValue = "20", description = "measured seconds (default ${DEFAULT-VALUE})")
    int seconds;

    @Option(names = "--warmup", defaultValue = "10", description = "warm-up seconds (default ${DEFAULT-VALUE})")
    int warmup;

    @Option(names = "--concurrency", defaultValue = "16", description = "concurrent connections (default ${DEFAULT-VALUE})")
    int concurrency;

    @Option(names = "--limit-seconds", defaultValue = "3", description = "JMH measurement seconds per iteration (default ${DEFAULT-VALUE})")
    int limitSeconds;

    @Option(names = "--server-java-opts", defaultValue = "-Xms1g -Xmx1g", description = "JVM options of the served CA")
    String serverJavaOpts;

    @Option(names = "--brevet", description = "the brevet launcher (default: bin/brevet next to this one)")
    Path brevet;

    @Override
    public Integer call() throws Exception {
        if (Security.getProvider("BC") == null) {
            Security.addProvider(new BouncyCastleProvider());
        }
        Path launcher = brevet != null ? brevet : Path.of(System.getProperty("brevet.home", "."), "bin", "brevet");
        Path scratch = Files.createTempDirectory("brevet-bench-");
        KeyChoice csrChoice = KeyChoice.parse(csrKey);
        String profile = csrChoice.isEc() ? "caECServerCert" : "caServerCert";
        EmbeddedPostgres pg = null;
        try {
            List<String> dbOptions = new ArrayList<>();
            if (db.equals("postgres")) {
                pg = EmbeddedPostgres.builder().start();
                Path pw = scratch.resolve("db-password");
                Files.writeString(pw, "postgres\n");
                dbOptions.addAll(List.of("--db-url", pg.getJdbcUrl("postgres", "postgres"), "--db-user", "postgres",
                        "--db-password-file", pw.toString()));
            } else if (!db.equals("h2")) {
                throw new IllegalArgumentException("--db must be h2 or postgres");
            }
            LoadDriver.Result load;
            double serverCpu;
            try (CaServerProcess server = new CaServerProcess(launcher, scratch.resolve("instance"))) {
                server.init(caKey, dbOptions);
                server.start(serverJavaOpts);
                byte[] body = enrollmentBody(profile, csrChoice);
                LoadDriver driver = new LoadDriver(server.adminTls(), "localhost", server.httpsPort(),
                        "/ca/rest/certrequests", body, server.caCertificate().getPublicKey());
                driver.run(concurrency, 0, warmup);
                double cpuBefore = server.serverCpuSeconds();
                load = driver.run(concurrency, 0, seconds);
                serverCpu = server.serverCpuSeconds() - cpuBefore;
                if (load.issued() == 0) {
                    throw new IllegalStateException("nothing issued; first error: " + load.firstError()
                            + "\nserver log tail:\n" + tail(server.log()));
                }
            }
            CryptoLimit.Figures limit = CryptoLimit.measure(caKey, csrKey, limitSeconds);
            double issued = load.perSecond();
            System.out.printf(Locale.ROOT, "issue: ca=%s csr=%s db=%s concurrency=%d: %d certificates in %d s (+%d s warm-up), %d errors%s%n",
                    caKey, csrKey, db, concurrency, load.issued(), seconds, warmup, load.errors(),
                    load.firstError() == null ? "" : " (first: " + load.firstError() + ")");
            System.out.printf(Locale.ROOT, "limit: issue %.0f/s + verify CSR %.0f/s per core, %d cores -> %.0f certificates/s%n",
                    limit.issuePerSecond(), limit.verifyPerSecond(), limit.cores(), limit.limitPerSecond());
            System.out.printf(Locale.ROOT,
                    "RESULT scenario=issue ca_key=%s csr_key=%s db=%s concurrency=%d issued_per_s=%.1f p50_ms=%.2f p99_ms=%.2f errors=%d server_cpu_ms_per_cert=%.3f limit_per_s=%.0f ratio=%.3f%n",
                    caKey, csrKey, db, concurrency, issued, load.latencies().percentileMillis(50),
                    load.latencies().percentileMillis(99), load.errors(), 1000 * serverCpu / Math.max(1, load.issued()),
                    limit.limitPerSecond(),
                    issued / limit.limitPerSecond());
            return load.errors() == 0 ? 0 : 1;
        } finally {
            if (pg != null) {
                pg.close();
            }
            deleteRecursively(scratch);
        }
    }

    static byte[] enrollmentBody(String profile, KeyChoice key) throws Exception {
        KeyPair pair = key.generate();
        ExtensionsGenerator ext = new ExtensionsGenerator();
        ext.addExtension(Extension.subjectAlternativeName, false,
                new GeneralNames(new GeneralName(GeneralName.dNSName, "bench.example.com")));
        PKCS10CertificationRequest csr = new JcaPKCS10CertificationRequestBuilder(new X500Name("CN=bench.example.com"), pair.getPublic())
                .addAttribute(PKCSObjectIdentifiers.pkcs_9_at_extensionRequest, ext.generate())
                .build(new JcaContentSignerBuilder(key.signatureAlgorithm).setProvider(key.provider()).build(pair.getPrivate()));
        String pem = "-----BEGIN CERTIFICATE REQUEST-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(csr.getEncoded())
                + "\n-----END CERTIFICATE REQUEST-----\n";
        ObjectNode json = new ObjectMapper().createObjectNode().put("profileId", profile).put("csr", pem);
        return new ObjectMapper().writeValueAsBytes(json);
    }

    private static String tail(String log) {
        String[] lines = log.split("\n");
        return String.join("\n", java.util.Arrays.copyOfRange(lines, Math.max(0, lines.length - 30), lines.length));
    }

    static void deleteRecursively(Path dir) throws java.io.IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var walk = Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
