package org.brevet.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/brevet-submit} against a real served Brevet CA: certmonger's helper protocol driven with
 * {@code CERTMONGER_*} variables as certmonger sets them, and Brevet's tracker daemon ({@code
 * bin/brevet-tracker}, {@code bin/getcert}) enrolling through it with {@code getcert add-ca -e}. Issued
 * certificates are checked with {@code openssl verify}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BrevetSubmitInteropIT {
    @TempDir
    static Path tmp;

    private ServedInstance ca;
    private Path caPem;
    private String csr;

    @BeforeAll
    void serve() throws IOException {
        ca = ServedInstance.init(tmp.resolve("ca")).start();
        caPem = ca.dir().resolve("certs/ca.pem");
        Path csrFile = tmp.resolve("host.csr");
        Cli.run(60, "openssl", "req", "-new", "-newkey", "rsa:2048", "-nodes", "-keyout", tmp.resolve("host.key").toString(),
                "-out", csrFile.toString(), "-subj", "/CN=host.example.test",
                "-addext", "subjectAltName=DNS:host.example.test").assertOk();
        csr = Files.readString(csrFile);
    }

    @AfterAll
    void stop() throws InterruptedException {
        if (ca != null) {
            ca.close();
        }
    }

    private Cli.Result submit(Map<String, String> env, String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Cli.launcher("brevet-submit").toString());
        cmd.addAll(List.of(args));
        return Cli.helper(cmd, env);
    }

    private Path written(String name, String text) throws IOException {
        return Files.writeString(tmp.resolve(name), text);
    }

    @Test
    void submitWithAgentCredential_issuesAtOnce_andOpensslVerifiesIt() throws IOException {
        Cli.Result r = submit(Map.of("CERTMONGER_OPERATION", "SUBMIT", "CERTMONGER_CSR", csr,
                "CERTMONGER_CA_PROFILE", "caServerCert", "CERTMONGER_CA_NICKNAME", "Brevet"),
                "--instance", ca.dir().toString());

        assertThat(r.exitCode()).as(r.stdout() + r.stderr()).isZero();
        assertThat(r.stdout()).startsWith("-----BEGIN CERTIFICATE-----");
        Path cert = written("issued.pem", r.stdout());
        assertThat(Cli.run(60, "openssl", "verify", "-CAfile", caPem.toString(), cert.toString()).assertOk().stdout())
                .contains(": OK");
        assertThat(Cli.run(60, "openssl", "x509", "-in", cert.toString(), "-noout", "-subject").stdout())
                .contains("host.example.test");
    }

    @Test
    void anonymousSubmit_waitsWithRequestIdCookie_thenPollAfterAgentApproval_issues() throws IOException {
        Cli.Result pending = submit(Map.of("CERTMONGER_OPERATION", "SUBMIT", "CERTMONGER_CSR", csr),
                "--url", ca.httpsUrl(), "--ca-cert", caPem.toString(), "--profile", "caServerCert", "--poll-delay", "30");
        assertThat(pending.exitCode()).as(pending.stdout() + pending.stderr()).isEqualTo(5);
        String[] lines = pending.stdout().split("\n");
        assertThat(lines).hasSize(2);
        assertThat(lines[0]).isEqualTo("30");
        String cookie = lines[1];

        Cli.Result stillPending = submit(Map.of("CERTMONGER_OPERATION", "POLL", "CERTMONGER_CSR", csr,
                "CERTMONGER_CA_COOKIE", cookie), "--url", ca.httpsUrl(), "--ca-cert", caPem.toString());
        assertThat(stillPending.exitCode()).isEqualTo(5);
        assertThat(stillPending.stdout()).isEqualTo("300\n" + cookie + "\n");

        Cli.brevet("request", "approve", cookie, "--instance", ca.dir().toString()).assertOk();

        Cli.Result issued = submit(Map.of("CERTMONGER_OPERATION", "POLL", "CERTMONGER_CSR", csr,
                "CERTMONGER_CA_COOKIE", cookie), "--url", ca.httpsUrl(), "--ca-cert", caPem.toString());
        assertThat(issued.exitCode()).as(issued.stdout() + issued.stderr()).isZero();
        Path cert = written("polled.pem", issued.stdout());
        assertThat(Cli.run(60, "openssl", "verify", "-CAfile", caPem.toString(), cert.toString()).assertOk().stdout())
                .contains(": OK");
    }

    @Test
    void csrTheProfileRefuses_exit2WithTheCasReason() {
        Cli.Result r = submit(Map.of("CERTMONGER_OPERATION", "SUBMIT", "CERTMONGER_CSR", csr,
                "CERTMONGER_CA_PROFILE", "noSuchProfile"), "--instance", ca.dir().toString());
        assertThat(r.exitCode()).as(r.stdout() + r.stderr()).isEqualTo(2);
        assertThat(r.stdout()).contains("noSuchProfile");
    }

    @Test
    void dataOperations_identifyRootsTemplates() throws IOException {
        String inst = ca.dir().toString();
        Cli.Result id = submit(Map.of("CERTMONGER_OPERATION", "IDENTIFY"), "--instance", inst);
        assertThat(id.exitCode()).isZero();
        assertThat(id.stdout()).startsWith("Brevet CA at ");

        Cli.Result roots = submit(Map.of("CERTMONGER_OPERATION", "FETCH-ROOTS"), "--instance", inst);
        assertThat(roots.exitCode()).as(roots.stdout() + roots.stderr()).isZero();
        assertThat(roots.stdout()).startsWith("Certificate Authority\n-----BEGIN CERTIFICATE-----");
        Path root = written("root.pem", roots.stdout().substring(roots.stdout().indexOf('\n') + 1));
        assertThat(Cli.run(60, "openssl", "x509", "-in", root.toString(), "-noout", "-fingerprint", "-sha256").stdout())
                .isEqualTo(Cli.run(60, "openssl", "x509", "-in", caPem.toString(), "-noout", "-fingerprint", "-sha256").stdout());

        Cli.Result templates = submit(Map.of("CERTMONGER_OPERATION", "GET-SUPPORTED-TEMPLATES"), "--instance", inst);
        assertThat(templates.exitCode()).isZero();
        assertThat(templates.stdout().split("\n")).contains("caServerCert", "caUserCert");

        assertThat(submit(Map.of("CERTMONGER_OPERATION", "GET-DEFAULT-TEMPLATE"), "--instance", inst, "--profile", "caUserCert")
                .stdout()).isEqualTo("caUserCert\n");
        assertThat(submit(Map.of("CERTMONGER_OPERATION", "GET-NEW-REQUEST-REQUIREMENTS"), "--instance", inst).exitCode()).isZero();
        assertThat(submit(Map.of("CERTMONGER_OPERATION", "FETCH-SCEP-CA-CAPS"), "--instance", inst).exitCode()).isEqualTo(6);
    }

    @Test
    void serverNotListening_exit3_andMissingCredentialPassword_exit4() throws IOException {
        Cli.Result down = submit(Map.of("CERTMONGER_OPERATION", "SUBMIT", "CERTMONGER_CSR", csr),
                "--url", "https://localhost:" + ServedInstance.freePort(), "--ca-cert", caPem.toString(),
                "--profile", "caServerCert");
        assertThat(down.exitCode()).as(down.stdout() + down.stderr()).isEqualTo(3);
        assertThat(down.stdout()).contains("connection refused");

        Cli.Result unconfigured = submit(Map.of("CERTMONGER_OPERATION", "SUBMIT", "CERTMONGER_CSR", csr),
                "--url", ca.httpsUrl(), "--p12", ca.dir().resolve("admin/ca_admin_cert.p12").toString(),
                "--profile", "caServerCert");
        assertThat(unconfigured.exitCode()).isEqualTo(4);
        assertThat(unconfigured.stdout()).contains("--p12-password-file").doesNotContain("Exception");
    }

    @Test
    void brevetTracker_addCaWithBrevetSubmit_runsItInsideTheDaemon_requestReachesMonitoring_andOpensslVerifies()
            throws Exception {
        String log = trackerEnrolls("trk", Cli.launcher("brevet-submit") + " --instance " + ca.dir());
        assertThat(log).contains("inside the daemon (SUBMIT)");
    }

    @Test
    void brevetTracker_brevetSubmitBehindAShell_runsAsAProcess_withTheSameResult() throws Exception {
        String log = trackerEnrolls("trk-sh", "/bin/sh " + Cli.launcher("brevet-submit") + " --instance " + ca.dir());
        assertThat(log).doesNotContain("inside the daemon");
    }

    /** getcert add-ca with the helper, request -w, list and openssl verify; returns the daemon's log. */
    private String trackerEnrolls(String name, String helper) throws Exception {
        try (TrackerDaemon daemon = TrackerDaemon.start(tmp.resolve(name))) {
            daemon.getcert("add-ca", "-c", "Brevet", "-e", helper).assertOk();
            Path key = tmp.resolve(name + "/h.key");
            Path cert = tmp.resolve(name + "/h.crt");
            Cli.Result req = daemon.getcert("request", "-c", "Brevet", "-T", "caServerCert", "-k", key.toString(),
                    "-f", cert.toString(), "-I", "h1", "-N", "CN=h1.example.test", "-D", "h1.example.test", "-w");
            assertThat(req.exitCode()).as(req.stdout() + req.stderr() + daemon.log()).isZero();

            String list = daemon.getcert("list", "-i", "h1").assertOk().stdout();
            assertThat(list).contains("\tstatus: MONITORING\n", "\tCA: Brevet\n", "\tsubject: CN=h1.example.test\n",
                    "\tissuer: CN=Certificate Authority,O=Brevet\n");
            assertThat(Cli.run(60, "openssl", "verify", "-CAfile", caPem.toString(), cert.toString()).assertOk().stdout())
                    .contains(": OK");
            return daemon.log();
        }
    }

    @Test
    void hostsOwnTrackedCertificate_isTheCredential_onceAnAdministratorMapsItToAUser() throws Exception {
        try (TrackerDaemon daemon = TrackerDaemon.start(tmp.resolve("trk-host"))) {
            daemon.getcert("add-ca", "-c", "Brevet", "-e", Cli.launcher("brevet-submit") + " --instance " + ca.dir()).assertOk();
            Path hostKey = tmp.resolve("trk-host/host.key");
            Path hostCert = tmp.resolve("trk-host/host.crt");
            Cli.Result own = daemon.getcert("request", "-c", "Brevet", "-T", "caServerCert", "-k", hostKey.toString(),
                    "-f", hostCert.toString(), "-I", "own", "-N", "CN=own.example.test", "-D", "own.example.test", "-w");
            assertThat(own.exitCode()).as(own.stdout() + own.stderr()).isZero();

            // with its own certificate, not yet known to the CA: the request waits for an agent (exit 5)
            String helper = Cli.launcher("brevet-submit") + " --url " + ca.httpsUrl() + " --ca-cert " + caPem
                    + " --client-cert " + hostCert + " --client-key " + hostKey + " --profile caServerCert";
            Cli.Result unknown = submit(Map.of("CERTMONGER_OPERATION", "SUBMIT", "CERTMONGER_CSR", csr),
                    "--url", ca.httpsUrl(), "--ca-cert", caPem.toString(), "--client-cert", hostCert.toString(),
                    "--client-key", hostKey.toString(), "--profile", "caServerCert");
            assertThat(unknown.exitCode()).as(unknown.stdout()).isEqualTo(5);

            // an administrator maps the host's certificate to a user with the agent role: issued at once
            Cli.brevet("user", "add", "host-own", "--role", "agent", "--instance", ca.dir().toString()).assertOk();
            Cli.brevet("user", "cert-add", "host-own", "--cert", hostCert.toString(), "--instance", ca.dir().toString()).assertOk();
            daemon.getcert("add-ca", "-c", "BrevetAsHost", "-e", helper).assertOk();
            Path second = tmp.resolve("trk-host/second.crt");
            Cli.Result r = daemon.getcert("request", "-c", "BrevetAsHost", "-k", tmp.resolve("trk-host/second.key").toString(),
                    "-f", second.toString(), "-I", "second", "-N", "CN=second.example.test", "-D", "second.example.test", "-w");
            assertThat(r.exitCode()).as(r.stdout() + r.stderr() + daemon.log()).isZero();
            assertThat(Cli.run(60, "openssl", "verify", "-CAfile", caPem.toString(), second.toString()).assertOk().stdout())
                    .contains(": OK");
        }
    }
}
