package org.brevet.bench;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A real Brevet CA run the way a user runs it: {@code bin/brevet ca init} into a scratch instance, then
 * {@code bin/brevet serve} as a separate process, so the figures include everything the product does.
 */
final class CaServerProcess implements AutoCloseable {
    private final Path brevet;
    private final Path instance;
    private final int httpsPort;
    private final int httpPort;
    private Process server;

    CaServerProcess(Path brevet, Path instance) throws IOException {
        this.brevet = brevet;
        this.instance = instance;
        this.httpsPort = freePort();
        this.httpPort = freePort();
    }

    void init(String caKey, List<String> databaseOptions) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(brevet.toString(), "ca", "init", "--instance", instance.toString(),
                "--key", caKey, "--bind", "127.0.0.1", "--https-port", Integer.toString(httpsPort), "--http-port", Integer.toString(httpPort)));
        cmd.addAll(databaseOptions);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(instance.resolveSibling("init.log").toFile()).start();
        if (!p.waitFor(180, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("brevet ca init failed: "
                    + Files.readString(instance.resolveSibling("init.log")));
        }
    }

    /**
     * {@code bin/brevet ca clone} of {@code master} into this process's instance: {@code pkcs12} and
     * {@code password} are what {@code ca export-keys} wrote; {@code databaseOptions} the master's database.
     */
    void cloneOf(Path pkcs12, Path password, List<String> databaseOptions) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(brevet.toString(), "ca", "clone", "--instance", instance.toString(),
                "--from-keys", pkcs12.toString(), "--password-file", password.toString(), "--bind", "127.0.0.1",
                "--https-port", Integer.toString(httpsPort), "--http-port", Integer.toString(httpPort)));
        cmd.addAll(databaseOptions);
        run(cmd, "clone.log");
    }

    /** {@code bin/brevet ca export-keys} of this instance. */
    void exportKeys(Path pkcs12, Path password) throws IOException, InterruptedException {
        run(List.of(brevet.toString(), "ca", "export-keys", "--instance", instance.toString(), "--out", pkcs12.toString(),
                "--password-file", password.toString()), "export.log");
    }

    private void run(List<String> cmd, String logName) throws IOException, InterruptedException {
        Path log = instance.resolveSibling(instance.getFileName() + "-" + logName);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!p.waitFor(180, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", cmd.subList(1, 3)) + " failed: " + Files.readString(log));
        }
    }

    void start(String javaOptions) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(brevet.toString(), "serve", "--instance", instance.toString())
                .redirectErrorStream(true).redirectOutput(instance.resolveSibling("serve.log").toFile());
        pb.environment().put("BREVET_JAVA_OPTS", javaOptions);
        server = pb.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            if (!server.isAlive()) {
                throw new IllegalStateException("brevet serve exited: " + Files.readString(instance.resolveSibling("serve.log")));
            }
            if (healthy()) {
                return;
            }
            TimeUnit.MILLISECONDS.sleep(200);
        }
        throw new IllegalStateException("brevet serve did not become ready within 120 s");
    }

    private boolean healthy() {
        try {
            HttpURLConnection c = (HttpURLConnection) new URL("http://127.0.0.1:" + httpPort + "/health").openConnection();
            c.setConnectTimeout(500);
            c.setReadTimeout(2000);
            return c.getResponseCode() == 200;
        } catch (IOException e) {
            return false;
        }
    }

    /** CPU seconds (user + system) the server process has used so far, from /proc. */
    double serverCpuSeconds() {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(server.pid()), "stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]);
            return ticks / 100.0;
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    Path instance() {
        return instance;
    }

    int httpsPort() {
        return httpsPort;
    }

    int httpPort() {
        return httpPort;
    }

    X509Certificate caCertificate() throws Exception {
        byte[] pem = Files.readAllBytes(instance.resolve("certs/ca.pem"));
        return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(pem));
    }

    /** TLS client context holding the bootstrap administrator's credential (an agent: auto-approval). */
    SSLContext adminTls() throws Exception {
        return adminTls(instance);
    }

    /** The same, with the credential of the instance {@code ca init} made (a clone has none of its own). */
    SSLContext adminTls(Path adminInstance) throws Exception {
        char[] password = Files.readString(adminInstance.resolve("admin/pkcs12_password.conf")).trim().toCharArray();
        KeyStore p12 = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(adminInstance.resolve("admin/ca_admin_cert.p12"))) {
            p12.load(in, password);
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(p12, password);
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("ca", caCertificate());
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
        return ctx;
    }

    String log() throws IOException {
        Path p = instance.resolveSibling("serve.log");
        return Files.exists(p) ? Files.readString(p, StandardCharsets.UTF_8) : "";
    }

    @Override
    public void close() throws InterruptedException {
        if (server != null && server.isAlive()) {
            server.destroy();
            if (!server.waitFor(30, TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
