package org.brevet.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.Security;
import java.security.Signature;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.brevet.testkit.ProcessRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * OCSP responses/second of a real Brevet server (EC P-256 CA, delegated ocspSigningCert) on its plain HTTP
 * port, for nonce-less requests (answered from pre-signed responses) and requests with a nonce (a fresh
 * signature each), against OpenSSL's own responder ({@code openssl ocsp -port}, a fresh signature each) on
 * the same machine in the same run, all loaded by {@code ab} with the same request count and concurrency.
 * The crypto limit is EC P-256 signatures/second on all cores (BouncyCastle, the provider Brevet signs with).
 */
@Command(name = "ocsp", mixinStandardHelpOptions = true,
        description = "OCSP responses/second: Brevet (pre-signed and with nonces) against openssl ocsp, with ab.")
final class OcspScenario implements Callable<Integer> {
    private static final String OCSP_REQUEST = "application/ocsp-request";

    @Option(names = "--requests", defaultValue = "30000", description = "requests per measurement (default ${DEFAULT-VALUE})")
    int requests;

    @Option(names = "--concurrency", defaultValue = "16", description = "concurrent ab clients (default ${DEFAULT-VALUE})")
    int concurrency;

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
        Path scratch = Files.createTempDirectory("brevet-bench-ocsp-");
        ProcessRunner sh = ProcessRunner.in(scratch).timeout(Duration.ofMinutes(10));
        List<String> lines = new ArrayList<>();
        try {
            ApacheBench.Result cached;
            ApacheBench.Result cachedKeepAlive;
            ApacheBench.Result nonce;
            try (CaServerProcess server = new CaServerProcess(launcher, scratch.resolve("instance"))) {
                server.init("ec:p256", List.of());
                server.start(serverJavaOpts);
                Files.writeString(scratch.resolve("ca.pem"), pem(server.caCertificate().getEncoded()));
                Files.writeString(scratch.resolve("leaf.pem"), issueOne(server));
                String url = "http://127.0.0.1:" + server.httpPort() + "/ocsp";
                sh.run("openssl", "ocsp", "-issuer", "ca.pem", "-cert", "leaf.pem", "-no_nonce", "-reqout", "req.der").assertSuccess();
                sh.run("openssl", "ocsp", "-issuer", "ca.pem", "-cert", "leaf.pem", "-reqout", "req-nonce.der").assertSuccess();
                requireGood(sh.run("openssl", "ocsp", "-issuer", "ca.pem", "-cert", "leaf.pem", "-url", url,
                        "-CAfile", "ca.pem").output(), "leaf.pem: good");
                ApacheBench ab = new ApacheBench(sh, List.of());
                ab.post(url, scratch.resolve("req.der"), OCSP_REQUEST, Math.min(requests, 5000), concurrency, false); // warm-up
                ab.post(url, scratch.resolve("req-nonce.der"), OCSP_REQUEST, Math.min(requests / 4, 2000), concurrency, false);
                cached = ab.post(url, scratch.resolve("req.der"), OCSP_REQUEST, requests, concurrency, false);
                cachedKeepAlive = ab.post(url, scratch.resolve("req.der"), OCSP_REQUEST, requests, concurrency, true);
                nonce = ab.post(url, scratch.resolve("req-nonce.der"), OCSP_REQUEST, requests / 4, concurrency, false);
            }
            ApacheBench.Result openssl;
            try (OpensslResponder peer = OpensslResponder.start(scratch.resolve("openssl-ca"), "brevetbench" + ProcessHandle.current().pid())) {
                ProcessRunner inDir = ProcessRunner.in(peer.dir()).timeout(Duration.ofMinutes(10));
                inDir.run("openssl", "ocsp", "-issuer", "ca.pem", "-cert", "leaf.pem", "-no_nonce", "-reqout", "req.der").assertSuccess();
                ApacheBench ab = new ApacheBench(inDir, peer.inNamespace());
                openssl = ab.post(peer.url(), peer.dir().resolve("req.der"), OCSP_REQUEST, requests, concurrency, false);
            }
            double limit = signaturesPerSecond();
            lines.add(line("brevet pre-signed (no nonce), new connection per request", cached));
            lines.add(line("brevet pre-signed (no nonce), keep-alive", cachedKeepAlive));
            lines.add(line("brevet with nonce (signed per request), new connection", nonce));
            lines.add(line("openssl ocsp (signed per request), new connection", openssl));
            lines.forEach(System.out::println);
            System.out.printf(Locale.ROOT, "limit: EC P-256 signatures on all cores: %.0f/s%n", limit);
            System.out.printf(Locale.ROOT, "RESULT scenario=ocsp concurrency=%d brevet_cached_per_s=%.0f brevet_cached_keepalive_per_s=%.0f "
                    + "brevet_nonce_per_s=%.0f openssl_per_s=%.0f sign_limit_per_s=%.0f ratio_cached_to_openssl=%.2f "
                    + "ratio_nonce_to_openssl=%.2f ratio_nonce_to_limit=%.2f%n", concurrency, cached.perSecond(),
                    cachedKeepAlive.perSecond(), nonce.perSecond(), openssl.perSecond(), limit,
                    cached.perSecond() / openssl.perSecond(), nonce.perSecond() / openssl.perSecond(), nonce.perSecond() / limit);
            long failed = cached.failed() + cachedKeepAlive.failed() + nonce.failed() + openssl.failed();
            return failed == 0 ? 0 : 1;
        } finally {
            IssueScenario.deleteRecursively(scratch);
        }
    }

    private String line(String what, ApacheBench.Result r) {
        return String.format(Locale.ROOT, "ocsp: %-60s %8.0f responses/s (ab -c %d, %d failed)", what, r.perSecond(),
                concurrency, r.failed());
    }

    private static void requireGood(String output, String expected) {
        if (!output.contains(expected)) {
            throw new IllegalStateException("the responder's answer was not verified as good:\n" + output);
        }
    }

    /** Enrolls one certificate through REST as the bootstrap administrator; returns it as PEM. */
    private static String issueOne(CaServerProcess server) throws Exception {
        byte[] body = IssueScenario.enrollmentBody("caECServerCert", KeyChoice.parse("ec:p256"));
        try (KeepAliveHttpsConnection c = new KeepAliveHttpsConnection(server.adminTls(), "localhost", server.httpsPort())) {
            KeepAliveHttpsConnection.Response r = c.post("/ca/rest/certrequests", "application/json", body);
            if (r.status() != 200) {
                throw new IllegalStateException("enrollment failed: HTTP " + r.status() + " " + r.text());
            }
            return new ObjectMapper().readTree(r.text()).path("certificate").asText();
        }
    }

    private static String pem(byte[] der) {
        return "-----BEGIN CERTIFICATE-----\n" + java.util.Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END CERTIFICATE-----\n";
    }

    /** EC P-256 signatures per second with every core signing for two seconds (after a one-second warm-up). */
    private static double signaturesPerSecond() throws Exception {
        KeyPair key = KeyChoice.parse("ec:p256").generate();
        int cores = Runtime.getRuntime().availableProcessors();
        AtomicLong count = new AtomicLong();
        long[] window = new long[2];
        List<Thread> threads = new ArrayList<>();
        long start = System.nanoTime();
        window[0] = start + 1_000_000_000L;
        window[1] = window[0] + 2_000_000_000L;
        byte[] data = new byte[200];
        for (int i = 0; i < cores; i++) {
            threads.add(new Thread(() -> {
                try {
                    Signature s = Signature.getInstance("SHA256withECDSA", "BC");
                    for (long now = System.nanoTime(); now < window[1]; now = System.nanoTime()) {
                        s.initSign(key.getPrivate());
                        s.update(data);
                        s.sign();
                        if (now >= window[0]) {
                            count.incrementAndGet();
                        }
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }));
        }
        threads.forEach(Thread::start);
        for (Thread t : threads) {
            t.join();
        }
        return count.get() / 2.0;
    }
}
