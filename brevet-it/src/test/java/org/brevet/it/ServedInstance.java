package org.brevet.it;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A Brevet CA instance created with the real {@code brevet ca init} and served by a real {@code brevet serve}
 * process on ephemeral loopback ports. {@link #kill()} is {@code kill -9}; {@link #close()} a clean stop.
 */
final class ServedInstance implements AutoCloseable {
    private final Path dir;
    private final int httpsPort;
    private final int httpPort;
    private Process server;

    private ServedInstance(Path dir, int httpsPort, int httpPort) {
        this.dir = dir;
        this.httpsPort = httpsPort;
        this.httpPort = httpPort;
    }

    static ServedInstance init(Path dir, String... extraInitOptions) throws IOException {
        ServedInstance s = new ServedInstance(dir, freePort(), freePort());
        List<String> args = new ArrayList<>(List.of("ca", "init", "--instance", dir.toString(),
                "--https-port", Integer.toString(s.httpsPort), "--http-port", Integer.toString(s.httpPort),
                "--bind", "127.0.0.1"));
        args.addAll(List.of(extraInitOptions));
        Cli.brevet(args.toArray(String[]::new)).assertOk();
        return s;
    }

    /**
     * {@code brevet ca clone} of a CA into {@code dir}, on new loopback ports, joining the CA's PostgreSQL
     * database; {@code pkcs12} and {@code password} are what {@code brevet ca export-keys} wrote and read.
     */
    static ServedInstance cloneOf(Path dir, Path pkcs12, Path password, String dbUrl, String dbUser) throws IOException {
        ServedInstance s = new ServedInstance(dir, freePort(), freePort());
        Cli.brevet("ca", "clone", "--instance", dir.toString(), "--from-keys", pkcs12.toString(), "--password-file",
                password.toString(), "--db-url", dbUrl, "--db-user", dbUser, "--https-port", Integer.toString(s.httpsPort),
                "--http-port", Integer.toString(s.httpPort), "--bind", "127.0.0.1").assertOk();
        return s;
    }

    /** Sets {@code key = value} lines in conf/brevet.conf (as an operator would edit it), before {@link #start()}. */
    ServedInstance configure(String... settings) throws IOException {
        Path conf = dir.resolve("conf/brevet.conf");
        List<String> lines = new ArrayList<>(Files.readAllLines(conf));
        for (String setting : settings) {
            String key = setting.substring(0, setting.indexOf('=')).strip();
            lines.removeIf(l -> l.strip().startsWith(key + " ") || l.strip().startsWith(key + "="));
            lines.add(setting);
        }
        Files.write(conf, lines);
        return this;
    }

    /** The node id the cluster knows this instance by (the default: first host name and HTTPS port). */
    String nodeId() {
        return "localhost:" + httpsPort;
    }

    ServedInstance start() throws IOException {
        Path log = dir.resolveSibling(dir.getFileName() + "-serve.log");
        server = new ProcessBuilder(Cli.launcher("brevet").toString(), "serve", "--instance", dir.toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline) {
            if (!server.isAlive()) {
                throw new AssertionError("brevet serve exited " + server.exitValue() + ":\n" + Files.readString(log));
            }
            if (healthy()) {
                return this;
            }
            try {
                TimeUnit.MILLISECONDS.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("brevet serve not ready within 90 s:\n" + Files.readString(log));
    }

    boolean healthy() {
        try {
            HttpURLConnection c = (HttpURLConnection) new URL(httpUrl() + "/health").openConnection();
            c.setConnectTimeout(500);
            c.setReadTimeout(2000);
            return c.getResponseCode() == 200;
        } catch (IOException e) {
            return false;
        }
    }

    Path dir() {
        return dir;
    }

    String httpsUrl() {
        return "https://localhost:" + httpsPort;
    }

    String httpUrl() {
        return "http://127.0.0.1:" + httpPort;
    }

    int httpPort() {
        return httpPort;
    }

    int httpsPort() {
        return httpsPort;
    }

    /** {@code kill -9}: no shutdown hooks, no flushing. */
    void kill() throws InterruptedException {
        server.destroyForcibly();
        server.waitFor(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        if (server != null && server.isAlive()) {
            server.destroy();
            if (!server.waitFor(30, TimeUnit.SECONDS)) {
                server.destroyForcibly();
                throw new AssertionError("brevet serve did not stop within 30 s of SIGTERM");
            }
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
