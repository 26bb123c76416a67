package org.brevet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.brevet.cli.FakeCaServer.Reply;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Exit codes 2 and 3: local credential problems and a server that cannot be reached or trusted. */
class ConnectionFailureTest extends FakeServerTest {
    @TempDir
    Path work;

    @Test
    void closedPort_exits3_withOneLine() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        CliRun.Result r = CliRun.run("cert", "find", "--url", "https://127.0.0.1:" + port, "--ca-cert", pki.path("ca.pem").toString());
        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.err()).isEqualTo("brevet: cannot connect to 127.0.0.1:" + port + ": connection refused\n");
    }

    @Test
    void wrongPkcs12Password_exits2_withOneLine_andNothingIsSent() {
        CliRun.Result r = CliRun.run(anonymous("cert", "find", "--p12", pki.path("client.p12").toString(),
                "--p12-password-file", pki.path("wrong-pw.txt").toString()));
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("brevet: " + pki.path("client.p12") + ": wrong PKCS#12 password\n");
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void missingPkcs12_exits2() {
        CliRun.Result r = CliRun.run(anonymous("cert", "find", "--p12", work.resolve("none.p12").toString(),
                "--p12-password-file", pki.path("client-pw.txt").toString()));
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("brevet: " + work.resolve("none.p12") + ": no such PKCS#12 file\n");
    }

    @Test
    void notAPkcs12File_exits2() throws Exception {
        Files.writeString(work.resolve("x.p12"), "not pkcs12");
        CliRun.Result r = CliRun.run(anonymous("cert", "find", "--p12", work.resolve("x.p12").toString(),
                "--p12-password-file", pki.path("client-pw.txt").toString()));
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("brevet: " + work.resolve("x.p12") + ": not a readable PKCS#12 file\n");
    }

    @Test
    void serverCertificateForAnotherHost_failsHostnameVerification_exits3() throws Exception {
        try (FakeCaServer other = FakeCaServer.start(pki.path("otherhost.p12"), TestPkiFiles.SERVER_P12_PASSWORD, pki.path("ca.pem"))) {
            other.on("GET /ca/rest/certs", Reply.json(200, "{\"certificates\":[]}"));
            CliRun.Result r = CliRun.run("cert", "find", "--url", other.url("localhost").toString(),
                    "--ca-cert", pki.path("ca.pem").toString());
            assertThat(r.exitCode()).isEqualTo(3);
            assertThat(r.err()).startsWith("brevet: TLS with localhost:" + other.port() + " failed: ");
            assertThat(r.err().lines()).hasSize(1);
            assertThat(other.requests()).isEmpty();
        }
    }

    @Test
    void serverNotIssuedByTheGivenCa_exits3() throws Exception {
        // the client certificate is no CA: trusting only it, the server's chain cannot verify
        CliRun.Result r = CliRun.run("cert", "find", "--url", server.url("localhost").toString(),
                "--ca-cert", pki.path("client.pem").toString());
        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.err()).startsWith("brevet: TLS with localhost:" + server.port() + " failed: ");
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void withoutCaCert_theJdkRootsDoNotTrustTheTestCa_exits3() {
        CliRun.Result r = CliRun.run("cert", "find", "--url", server.url("localhost").toString());
        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void ipAddressUrl_verifiesAgainstTheIpSan() {
        server.on("GET /ca/rest/certs", Reply.json(200, "{\"certificates\":[],\"start\":0,\"size\":20,\"hasMore\":false}"));
        CliRun.Result r = CliRun.run("cert", "find", "--url", server.url("127.0.0.1").toString(),
                "--ca-cert", pki.path("ca.pem").toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
    }

    @Test
    void withoutCredential_noClientCertificateIsSent() {
        server.on("GET /ca/rest/certs", Reply.json(200, "{\"certificates\":[],\"start\":0,\"size\":20,\"hasMore\":false}"));
        assertThat(CliRun.run(anonymous("cert", "find")).exitCode()).isZero();
        assertThat(server.only().clientSubject()).isEmpty();
    }

    @Test
    void instanceDirectory_suppliesPortCredentialAndTrust() throws Exception {
        Path inst = work.resolve("ca1");
        Files.createDirectories(inst.resolve("conf"));
        Files.createDirectories(inst.resolve("admin"));
        Files.createDirectories(inst.resolve("certs"));
        Files.writeString(inst.resolve("conf/brevet.conf"), "https.port = " + server.port() + "\n");
        Files.copy(pki.path("client.p12"), inst.resolve("admin/ca_admin_cert.p12"));
        Files.writeString(inst.resolve("admin/pkcs12_password.conf"), TestPkiFiles.P12_PASSWORD + "\n");
        Files.copy(pki.path("ca.pem"), inst.resolve("certs/ca.pem"));
        server.on("GET /ca/rest/agent/certrequests", Reply.json(200, "{\"requests\":[],\"start\":0,\"size\":20,\"hasMore\":false}"));

        CliRun.Result before = CliRun.run("--instance", inst.toString(), "request", "list");
        CliRun.Result after = CliRun.run("request", "list", "--instance", inst.toString());

        assertThat(before.exitCode()).as(before.err()).isZero();
        assertThat(after.exitCode()).as(after.err()).isZero();
        assertThat(before.out()).isEqualTo("No requests found.\n");
        assertThat(server.requests()).hasSize(2)
                .allSatisfy(req -> assertThat(req.clientSubject()).contains("CN=agent007,O=Brevet Test"));
    }
}
