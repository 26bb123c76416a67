package org.brevet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.brevet.pki.Certificate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CLI's TLS client against a TLS server we did not write: {@code openssl s_server -HTTP}, which answers
 * a GET with the file of that path in its working directory, taken as a complete HTTP response; so
 * {@code ca/rest/cacert} there answers {@code brevet ca-cert}.
 */
class OpensslServerInteropIT {
    private static final Pattern ACCEPT = Pattern.compile("ACCEPT .*:(\\d+)");

    @TempDir
    static Path dir;

    static TestPkiFiles pki;

    @BeforeAll
    static void setUp() throws Exception {
        pki = TestPkiFiles.create(dir);
        Files.createDirectories(dir.resolve("ca/rest"));
        byte[] body = Files.readAllBytes(pki.path("ca.pem"));
        String head = "HTTP/1.1 200 OK\r\nContent-Type: application/x-pem-file\r\nContent-Length: " + body.length
                + "\r\nConnection: close\r\n\r\n";
        Files.write(dir.resolve("ca/rest/cacert"), concat(head.getBytes(StandardCharsets.US_ASCII), body));
    }

    @ParameterizedTest(name = "ok: {0}")
    @ValueSource(strings = {"-tls1_2", "-tls1_3"})
    void caCert_overEachTlsVersion_fromOpensslServer(String version) throws Exception {
        Process server = startServer(pki.path("server.pem"), pki.path("server.key"), version);
        try {
            int port = port(server);
            CliRun.Result r = CliRun.run("ca-cert", "--url", "https://localhost:" + port, "--ca-cert", pki.path("ca.pem").toString());
            assertThat(r.exitCode()).as(r.err()).isZero();
            assertThat(Certificate.parse(r.out())).isEqualTo(Certificate.parse(Files.readString(pki.path("ca.pem"))));
        } finally {
            stop(server);
        }
    }

    @Test
    void caCert_fromOpensslServerWithAnotherHostsCertificate_exits3() throws Exception {
        Process server = startServer(pki.path("otherhost.pem"), pki.path("otherhost.key"), "-tls1_3");
        try {
            int port = port(server);
            CliRun.Result r = CliRun.run("ca-cert", "--url", "https://localhost:" + port, "--ca-cert", pki.path("ca.pem").toString());
            assertThat(r.exitCode()).isEqualTo(3);
            assertThat(r.err()).startsWith("brevet: TLS with localhost:" + port + " failed: ");
        } finally {
            stop(server);
        }
    }

    @ParameterizedTest(name = "ok: {0}")
    @ValueSource(strings = {"-tls1_2", "-tls1_3"})
    void serverRequiringAClientCertificate_acceptsTheP12_andRefusesAnonymous(String version) throws Exception {
        Process server = startServer(pki.path("server.pem"), pki.path("server.key"), version,
                "-Verify", "1", "-CAfile", pki.path("ca.pem").toString());
        try {
            int port = port(server);
            String url = "https://localhost:" + port;
            CliRun.Result agent = CliRun.run("ca-cert", "--url", url, "--ca-cert", pki.path("ca.pem").toString(),
                    "--p12", pki.path("client.p12").toString(), "--p12-password-file", pki.path("client-pw.txt").toString());
            assertThat(agent.exitCode()).as(agent.err()).isZero();
            CliRun.Result anonymous = CliRun.run("ca-cert", "--url", url, "--ca-cert", pki.path("ca.pem").toString());
            assertThat(anonymous.exitCode()).isEqualTo(3);
            assertThat(anonymous.err()).startsWith("brevet: ");
            assertThat(anonymous.err().lines()).hasSize(1);
        } finally {
            stop(server);
        }
    }

    private static Process startServer(Path cert, Path key, String version, String... extra) throws Exception {
        List<String> cmd = new java.util.ArrayList<>(List.of("openssl", "s_server", "-accept", "127.0.0.1:0",
                "-cert", cert.toString(), "-key", key.toString(), "-HTTP", version));
        cmd.addAll(List.of(extra));
        return new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] r = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }

    /** The port from s_server's "ACCEPT 127.0.0.1:PORT" line, waited for at most 20 s. */
    private static int port(Process server) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
        CompletableFuture<Integer> port = CompletableFuture.supplyAsync(() -> {
            try {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    Matcher m = ACCEPT.matcher(line);
                    if (m.find()) {
                        return Integer.parseInt(m.group(1));
                    }
                }
                throw new IllegalStateException("openssl s_server exited before accepting");
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        });
        return port.get(20, TimeUnit.SECONDS);
    }

    private static void stop(Process server) throws InterruptedException {
        server.destroy();
        if (!server.waitFor(10, TimeUnit.SECONDS)) {
            server.destroyForcibly();
        }
    }
}
