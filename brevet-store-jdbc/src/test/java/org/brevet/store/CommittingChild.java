package org.brevet.store;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.brevet.ca.api.CertificateRecord;
import org.brevet.ca.api.CertificateRequest;
import org.brevet.ca.api.RequestId;
import org.brevet.ca.api.RequestStatus;
import org.brevet.ca.api.store.Repositories;
import org.brevet.pki.Der;
import org.brevet.pki.Secret;
import org.brevet.pki.SerialNumber;

/**
 * The process {@link CrashDurabilityContract} kills: issues certificates through the store as the CA
 * does (intent, then certificate with its request), printing {@code committed <serial> <requestId>}
 * after each commit returns, until it is killed. Arguments: JDBC URL and user; the password comes from
 * the environment variable {@value #PASSWORD_VARIABLE}.
 */
public final class CommittingChild {
    static final String PASSWORD_VARIABLE = "BREVET_TEST_DB_PASSWORD";
    private static final int MAX_CERTIFICATES = 1_000_000;
    private static final int THREADS = 4;

    private CommittingChild() {
    }

    public static void main(String[] args) throws InterruptedException {
        String password = System.getenv().getOrDefault(PASSWORD_VARIABLE, "");
        DatabaseConfig config = new DatabaseConfig(args[0], args[1], Secret.of(password), THREADS + 1);
        try (JdbcStore store = JdbcStore.open(config)) {
            Repositories repos = store.repositories();
            System.out.println("ready");
            System.out.flush();
            List<Thread> threads = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                Thread thread = new Thread(() -> issue(repos));
                thread.start();
                threads.add(thread);
            }
            for (Thread thread : threads) {
                thread.join();
            }
        }
    }

    /** Several issuers at once, so that commits are shared (H2's group commit) when the kill comes. */
    private static void issue(Repositories repos) {
        SecureRandom random = new SecureRandom();
        for (int i = 0; i < MAX_CERTIFICATES; i++) {
            SerialNumber serial = SerialNumber.random(random);
            RequestId id = RequestId.random(random);
            Instant now = Instant.now();
            repos.issuance().recordIntent(serial, id, Der.of(new byte[] {0x30, 0x00}));
            repos.issuance().storeIssuedWithNewRequest(certificate(serial, id, now), request(serial, id, now));
            synchronized (System.out) {
                System.out.println("committed " + serial.toHex() + " " + id);
                System.out.flush();
            }
        }
    }

    /** The certificate bytes the child stores for a serial, so the parent can check them. */
    static Der derOf(SerialNumber serial) {
        byte[] seed = serial.toHex().getBytes(StandardCharsets.US_ASCII);
        byte[] der = Arrays.copyOf(seed, 800);
        for (int i = seed.length; i < der.length; i++) {
            der[i] = (byte) (der[i - seed.length] * 31 + i);
        }
        return Der.of(der);
    }

    private static CertificateRecord certificate(SerialNumber serial, RequestId id, Instant now) {
        return new CertificateRecord(serial, "CN=crash-" + serial.toHex(), "CN=Test CA", now, now.plusSeconds(86_400),
                derOf(serial), id, "caServerCert", now, Optional.empty());
    }

    private static CertificateRequest request(SerialNumber serial, RequestId id, Instant now) {
        return new CertificateRequest(id, "caServerCert", RequestStatus.COMPLETE, Der.of(new byte[] {0x30, 0x00}),
                "CN=crash-" + serial.toHex(), Optional.empty(), now, now, Optional.of(serial), Optional.empty(),
                Optional.empty());
    }
}
