package org.brevet.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.concurrent.locks.LockSupport;
import org.brevet.ca.CaIdentity;
import org.brevet.ca.audit.FileAuditLog;
import org.brevet.ca.crl.CrlConfig;
import org.brevet.ca.crl.CrlGenerator;
import org.brevet.ca.api.CrlInfo;
import org.brevet.pki.Certificate;
import org.brevet.pki.CertificateBuilder;
import org.brevet.pki.DistinguishedName;
import org.brevet.pki.KeySpec;
import org.brevet.pki.KeyUsage;
import org.brevet.pki.Secret;
import org.brevet.pki.SerialNumber;
import org.brevet.pki.Signer;
import org.brevet.store.DatabaseConfig;
import org.brevet.store.JdbcStore;

/**
 * One full CRL generation, run in its own JVM (started by {@link CrlScenario} with a bounded heap) so that
 * its peak heap is its own: opens the store, signs MasterCRL with a fresh EC P-256 CA key through the
 * server's {@link CrlGenerator}, and prints {@code CRLRUN ms=... entries=... bytes=... peak_heap_mib=...}.
 * Arguments: JDBC URL, user, work directory; the database password comes in {@link #PASSWORD_VARIABLE}.
 */
public final class CrlGenerationRun {
    static final String PASSWORD_VARIABLE = "BREVET_BENCH_DB_PASSWORD";

    private CrlGenerationRun() {
    }

    public static void main(String[] args) throws Exception {
        String password = System.getenv().getOrDefault(PASSWORD_VARIABLE, "");
        DatabaseConfig db = new DatabaseConfig(args[0], args[1], Secret.of(password), 4);
        Path work = Path.of(args[2]);
        Files.createDirectories(work.resolve("crl-work"));
        Clock clock = Clock.systemUTC();
        try (JdbcStore store = JdbcStore.open(db);
             FileAuditLog audit = FileAuditLog.open(work.resolve("audit"), clock)) {
            CrlGenerator generator = new CrlGenerator(CrlConfig.master("http://bench.example.com/crl/MasterCRL.crl",
                    work.resolve("crl-work")), identity(clock.instant()), store.revocations(), store.crls(), audit, clock);
            System.gc();
            HeapSampler sampler = HeapSampler.start();
            long start = System.nanoTime();
            CrlInfo crl = generator.generateFull();
            long millis = (System.nanoTime() - start) / 1_000_000;
            long peak = sampler.stop();
            System.out.printf(Locale.ROOT, "CRLRUN ms=%d entries=%d bytes=%d peak_heap_mib=%.1f%n", millis,
                    crl.entries(), crl.length(), peak / 1048576.0);
        }
    }

    /** The largest heap in use (live objects and garbage not yet collected), sampled every 5 ms. */
    private static final class HeapSampler implements Runnable {
        private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        private final Thread thread = new Thread(this, "heap-sampler");
        private volatile boolean running = true;
        private volatile long peak;

        static HeapSampler start() {
            HeapSampler s = new HeapSampler();
            s.thread.setDaemon(true);
            s.thread.start();
            return s;
        }

        @Override
        public void run() {
            while (running) {
                peak = Math.max(peak, memory.getHeapMemoryUsage().getUsed());
                LockSupport.parkNanos(5_000_000);
            }
        }

        long stop() throws InterruptedException {
            running = false;
            thread.join();
            return Math.max(peak, memory.getHeapMemoryUsage().getUsed());
        }
    }

    static CaIdentity identity(Instant now) {
        SecureRandom random = new SecureRandom();
        KeyPair keys = KeySpec.EC_P256.generate(random);
        Signer signer = Signer.of(keys.getPrivate(), keys.getPublic());
        DistinguishedName name = DistinguishedName.parse("CN=Bench CA,O=Brevet");
        Certificate cert = new CertificateBuilder()
                .serial(SerialNumber.random(random))
                .issuer(name)
                .subject(name)
                .validity(now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(3650)))
                .publicKey(keys.getPublic())
                .basicConstraints(true, OptionalInt.empty(), true)
                .keyUsage(EnumSet.of(KeyUsage.KEY_CERT_SIGN, KeyUsage.CRL_SIGN, KeyUsage.DIGITAL_SIGNATURE))
                .subjectKeyIdentifier()
                .build(signer);
        return new CaIdentity(signer, cert, List.of(cert));
    }
}
