package org.brevet.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLContext;

/**
 * Submits the same enrollment body over {@code concurrency} keep-alive HTTPS connections for a warm-up and a
 * measured window. Every response must be HTTP 200 with status "complete" and a certificate; every 50th
 * certificate is parsed and its signature verified with the CA key (a full check of every response would
 * take the shared CPU from the server).
 */
final class LoadDriver {
    record Result(long issued, long errors, double seconds, Latencies latencies, String firstError) {
        double perSecond() {
            return issued / seconds;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final SSLContext tls;
    private final String host;
    private final int port;
    private final String path;
    private final byte[] body;
    private final PublicKey caKey;

    LoadDriver(SSLContext tls, String host, int port, String path, byte[] body, PublicKey caKey) {
        this.tls = tls;
        this.host = host;
        this.port = port;
        this.path = path;
        this.body = body;
        this.caKey = caKey;
    }

    Result run(int concurrency, double warmupSeconds, double measureSeconds) throws InterruptedException {
        long start = System.nanoTime();
        long measureFrom = start + (long) (warmupSeconds * 1e9);
        long measureTo = measureFrom + (long) (measureSeconds * 1e9);
        AtomicLong errors = new AtomicLong();
        List<Latencies> perThread = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        String[] firstError = new String[1];
        for (int i = 0; i < concurrency; i++) {
            Latencies mine = new Latencies();
            perThread.add(mine);
            threads.add(new Thread(() -> drive(measureFrom, measureTo, mine, errors, firstError), "load-" + i));
        }
        threads.forEach(Thread::start);
        for (Thread t : threads) {
            t.join();
        }
        Latencies all = Latencies.merge(perThread);
        return new Result(all.count(), errors.get(), measureSeconds, all, firstError[0]);
    }

    private void drive(long measureFrom, long measureTo, Latencies mine, AtomicLong errors, String[] firstError) {
        int n = 0;
        KeepAliveHttpsConnection conn = null;
        while (System.nanoTime() < measureTo) {
            long t0 = System.nanoTime();
            try {
                if (conn == null) {
                    conn = new KeepAliveHttpsConnection(tls, host, port);
                }
                KeepAliveHttpsConnection.Response r = conn.post(path, "application/json", body);
                check(r, ++n % 50 == 0);
                long t1 = System.nanoTime();
                if (t0 >= measureFrom && t1 <= measureTo) {
                    mine.add(t1 - t0);
                }
            } catch (Exception e) {
                errors.incrementAndGet();
                synchronized (firstError) {
                    if (firstError[0] == null) {
                        firstError[0] = e.getMessage();
                    }
                }
                closeQuietly(conn);
                conn = null;
            }
        }
        closeQuietly(conn);
    }

    private void check(KeepAliveHttpsConnection.Response r, boolean verifySignature) throws Exception {
        if (r.status() != 200) {
            throw new IllegalStateException("HTTP " + r.status() + ": " + r.text());
        }
        String text = r.text();
        if (!text.contains("\"complete\"") || !text.contains("BEGIN CERTIFICATE")) {
            throw new IllegalStateException("not issued: " + text);
        }
        if (verifySignature) {
            JsonNode node = JSON.readTree(text);
            String pem = node.path("certificate").asText();
            X509Certificate cert = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
            cert.verify(caKey);
        }
    }

    private static void closeQuietly(KeepAliveHttpsConnection c) {
        if (c != null) {
            try {
                c.close();
            } catch (Exception ignored) {
                // the connection is being thrown away
            }
        }
    }
}
