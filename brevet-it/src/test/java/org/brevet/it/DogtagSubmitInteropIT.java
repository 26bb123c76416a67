package org.brevet.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * certmonger's own, unmodified {@code dogtag-submit} helper against a served Brevet CA through Dogtag's
 * legacy servlets: an anonymous {@code profileSubmit} is deferred, the helper then approves it as an agent
 * with the instance's admin client certificate ({@code profileReview} + {@code profileProcess}) and fetches
 * the certificate ({@code displayCertFromRequest}), each step one run with the cookie of the previous one,
 * exactly as the certmonger daemon drives it. Also: {@code --agent-submit} ({@code profileSubmitSSLClient},
 * issued at once), the EE URL over plain HTTP, and no agent credential at all (the helper checks until an
 * agent approves with Brevet's CLI), and Brevet's tracker daemon running the helper as its CA ({@code getcert
 * add-ca -e}), and renewal by serial number when the helper holds the previous certificate. Every certificate is checked with {@code openssl verify}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DogtagSubmitInteropIT {
    static final Path HELPER = Path.of("/usr/lib/certmonger/dogtag-submit");

    @TempDir
    static Path tmp;

    private ServedInstance ca;
    private Path caPem;
    private Path agentCert;
    private Path agentKey;
    private String csr;

    @BeforeAll
    void serve() throws IOException {
        assertThat(HELPER).as("certmonger's dogtag-submit (Debian package certmonger)").isExecutable();
        ca = ServedInstance.init(tmp.resolve("ca")).start();
        caPem = ca.dir().resolve("certs/ca.pem");
        Path p12 = ca.dir().resolve("admin/ca_admin_cert.p12");
        String pass = "file:" + ca.dir().resolve("admin/pkcs12_password.conf");
        agentCert = tmp.resolve("agent.pem");
        agentKey = tmp.resolve("agent.key");
        Cli.run(60, "openssl", "pkcs12", "-in", p12.toString(), "-passin", pass, "-clcerts", "-nokeys",
                "-out", agentCert.toString()).assertOk();
        Cli.run(60, "openssl", "pkcs12", "-in", p12.toString(), "-passin", pass, "-nocerts", "-nodes",
                "-out", agentKey.toString()).assertOk();
        Path csrFile = tmp.resolve("host.csr");
        Cli.run(60, "openssl", "req", "-new", "-newkey", "rsa:2048", "-nodes", "-keyout", tmp.resolve("host.key").toString(),
                "-out", csrFile.toString(), "-subj", "/CN=dogtag.example.test",
                "-addext", "subjectAltName=DNS:dogtag.example.test").assertOk();
        csr = Files.readString(csrFile);
    }

    @AfterAll
    void stop() throws InterruptedException {
        if (ca != null) {
            ca.close();
        }
    }

    private Cli.Result helper(String operation, String cookie, String... extra) {
        return helperAt(ca.httpsUrl(), operation, cookie, extra);
    }

    private Cli.Result helperAt(String eeBase, String operation, String cookie, String... extra) {
        return run(new ArrayList<>(List.of(HELPER.toString(),
                "-E", eeBase + "/ca/ee/ca", "-A", ca.httpsUrl() + "/ca/agent/ca",
                "-i", caPem.toString(), "-c", agentCert.toString(), "-k", agentKey.toString())), operation, cookie, extra);
    }

    /** The helper without agent credentials: it can only submit and check. */
    private Cli.Result anonymousHelper(String operation, String cookie) {
        return run(new ArrayList<>(List.of(HELPER.toString(), "-E", ca.httpsUrl() + "/ca/ee/ca",
                "-i", caPem.toString())), operation, cookie);
    }

    private Cli.Result run(List<String> cmd, String operation, String cookie, String... extra) {
        return run(cmd, Map.of(), operation, cookie, extra);
    }

    private Cli.Result run(List<String> cmd, Map<String, String> moreEnv, String operation, String cookie, String... extra) {
        cmd.addAll(List.of(extra));
        Map<String, String> env = new HashMap<>(Map.of("CERTMONGER_OPERATION", operation, "CERTMONGER_CSR", csr,
                "CERTMONGER_CA_PROFILE", "caServerCert"));
        if (cookie != null) {
            env.put("CERTMONGER_CA_COOKIE", cookie);
        }
        env.putAll(moreEnv);
        return Cli.helper(cmd, env);
    }

    /** The cookie a WAIT_WITH_DELAY answer (exit 5) carries on its second line. */
    private static String cookieOf(Cli.Result r, String expectedState) {
        assertThat(r.exitCode()).as(r.stdout() + r.stderr()).isEqualTo(5);
        String[] lines = r.stdout().split("\n");
        assertThat(lines).hasSize(2);
        assertThat(lines[1]).startsWith("state=" + expectedState + "&requestId=");
        return lines[1];
    }

    @Test
    void dogtagSubmit_deferredThenAgentApprovedThenRetrieved_certificateVerifies() throws IOException {
        String approve = cookieOf(helper("SUBMIT", null), "approve");
        String requestId = approve.substring(approve.indexOf("requestId=") + "requestId=".length());

        String retrieve = cookieOf(helper("POLL", approve), "retrieve");
        assertThat(retrieve).isEqualTo("state=retrieve&requestId=" + requestId);

        Cli.Result issued = helper("POLL", retrieve);
        assertThat(issued.exitCode()).as(issued.stdout() + issued.stderr()).isZero();
        assertThat(issued.stdout()).startsWith("-----BEGIN CERTIFICATE-----");
        Path cert = Files.writeString(tmp.resolve("issued.pem"), issued.stdout());
        assertThat(Cli.run(60, "openssl", "verify", "-CAfile", caPem.toString(), cert.toString()).assertOk().stdout())
                .contains(": OK");
        assertThat(Cli.run(60, "openssl", "x509", "-in", cert.toString(), "-noout", "-subject").stdout())
                .contains("dogtag.example.test");
    }

    @Test
    void dogtagSubmitAsAgent_isIssuedAtOnce_certificateVerifies() throws IOException {
        Cli.Result issued = helper("SUBMIT", null, "--agent-submit");

        assertThat(issued.exitCode()).as(issued.stdout() + issued.stderr()).isZero();
        assertThat(issued.stdout()).startsWith("-----BEGIN CERTIFICATE-----");
        Path cert = Files.writeString(tmp.resolve("agent-issued.pem"), issued.stdout());
        assertThat(Cli.run(60, "openssl", "verify", "-CAfile", caPem.toString(), cert.toString()).assertOk().stdout())
                .contains(": OK");
    }

    @Test
    void endEntityUrlOverPlainHttp_asCertmongersIpaDefault_isDeferredThenApprovedOverHttps() throws IOException {
        String approve = cookieOf(helperAt(ca.httpUrl(), "SUBMIT", null), "approve");
        String retrieve = cookieOf(helperAt(ca.httpUrl(), "POLL", approve), "retrieve");

        Cli.Result issued = helperAt(ca.httpUrl(), "POLL", retrieve);
        assertThat(issued.exitCode()).as(issued.stdout() + issued.stderr()).isZero();
        Path cert = Files.writeString(tmp.resolve("http-issued.pem"), issued.stdout());
        assertThat(Cli.run(60, "openssl", "verify", "-CAfile", caPem.toString(), cert.toString()).assertOk().stdout())
                .contains(": OK");
    }

    @Test
    void withoutAgentCredential_waitsWithCheckCookie_untilAnAgentApprovesWithBrevetsCli() throws IOException {
        Cli.Result submitted = anonymousHelper("SUBMIT", null);
        assertThat(submitted.exitCode()).as(submitted.stdout() + submitted.stderr()).isEqualTo(1);
        String check = submitted.stdout().trim();
        assertThat(check).startsWith("state=check&requestId=");
        String requestId = check.substring(check.indexOf("requestId=") + "requestId=".length());

        Cli.Result stillPending = anonymousHelper("POLL", check);
        assertThat(stillPending.exitCode()).isEqualTo(1);
        assertThat(stillPending.stdout().trim()).isEqualTo(check);

        Cli.brevet("request", "approve", requestId, "--instance", ca.dir().toString()).assertOk();

        String retrieve = cookieOf(anonymousHelper("POLL", check), "retrieve");
        Cli.Result issued = anonymousHelper("POLL", retrieve);
        assertThat(issued.exitCode()).as(issued.stdout() + issued.stderr()).isZero();
        Path cert = Files.writeString(tmp.resolve("checked.pem"), issued.stdout());
        assertThat(Cli.run(60, "openssl", "verify", "-CAfile", caPem.toString(), cert.toString()).assertOk().stdout())
                .contains(": OK");
    }

    @Test
    void brevetTracker_withCertmongersDogtagHelper_reachesMonitoring_andOpensslVerifies() throws Exception {
        try (TrackerDaemon daemon = TrackerDaemon.start(tmp.resolve("trk"))) {
            String helper = String.join(" ", HELPER.toString(), "-E", ca.httpsUrl() + "/ca/ee/ca",
                    "-A", ca.httpsUrl() + "/ca/agent/ca", "-i", caPem.toString(),
                    "-c", agentCert.toString(), "-k", agentKey.toString());
            daemon.getcert("add-ca", "-c", "Dogtag", "-e", helper).assertOk();
            Path key = tmp.resolve("trk/d.key");
            Path cert = tmp.resolve("trk/d.crt");
            Cli.Result req = daemon.getcert("request", "-c", "Dogtag", "-T", "caServerCert", "-k", key.toString(),
                    "-f", cert.toString(), "-I", "d1", "-N", "CN=d1.example.test", "-D", "d1.example.test", "-w");
            assertThat(req.exitCode()).as(req.stdout() + req.stderr() + daemon.log()).isZero();

            String list = daemon.getcert("list", "-i", "d1").assertOk().stdout();
            assertThat(list).contains("\tstatus: MONITORING\n", "\tCA: Dogtag\n", "\tsubject: CN=d1.example.test\n");
            assertThat(Cli.run(60, "openssl", "verify", "-CAfile", caPem.toString(), cert.toString()).assertOk().stdout())
                    .contains(": OK");
        }
    }

    @Test
    void renewalWithThePreviousCertificate_renewsBySerial_sameKeyNewSerial() throws IOException {
        Cli.Result first = helper("SUBMIT", null, "--agent-submit");
        assertThat(first.exitCode()).as(first.stdout() + first.stderr()).isZero();
        Path old = Files.writeString(tmp.resolve("renew-old.pem"), first.stdout());
        // A CSR for another key: renewal by serial must ignore it and keep the previous certificate's key.
        Path otherCsr = tmp.resolve("other.csr");
        Cli.run(60, "openssl", "req", "-new", "-newkey", "rsa:2048", "-nodes", "-keyout", tmp.resolve("other.key").toString(),
                "-out", otherCsr.toString(), "-subj", "/CN=other.example.test").assertOk();

        Cli.Result renewed = run(new ArrayList<>(List.of(HELPER.toString(), "-E", ca.httpsUrl() + "/ca/ee/ca",
                "-A", ca.httpsUrl() + "/ca/agent/ca", "-i", caPem.toString(), "-c", agentCert.toString(),
                "-k", agentKey.toString(), "--agent-submit")), Map.of("CERTMONGER_CERTIFICATE", first.stdout(),
                "CERTMONGER_CSR", Files.readString(otherCsr)),
                "SUBMIT", null);

        assertThat(renewed.exitCode()).as(renewed.stdout() + renewed.stderr()).isZero();
        Path fresh = Files.writeString(tmp.resolve("renew-new.pem"), renewed.stdout());
        assertThat(Cli.run(60, "openssl", "verify", "-CAfile", caPem.toString(), fresh.toString()).assertOk().stdout())
                .contains(": OK");
        assertThat(Cli.run(60, "openssl", "x509", "-in", fresh.toString(), "-noout", "-pubkey").stdout())
                .isEqualTo(Cli.run(60, "openssl", "x509", "-in", old.toString(), "-noout", "-pubkey").stdout());
        assertThat(Cli.run(60, "openssl", "x509", "-in", fresh.toString(), "-noout", "-serial").stdout())
                .isNotEqualTo(Cli.run(60, "openssl", "x509", "-in", old.toString(), "-noout", "-serial").stdout());
        assertThat(Cli.run(60, "openssl", "x509", "-in", fresh.toString(), "-noout", "-subject").stdout())
                .contains("dogtag.example.test");
    }

    @Test
    void getSupportedTemplates_listsBrevetsProfiles() {
        Cli.Result r = anonymousHelper("GET-SUPPORTED-TEMPLATES", null);

        assertThat(r.exitCode()).as(r.stdout() + r.stderr()).isZero();
        assertThat(r.stdout().split("\n")).contains("caServerCert", "caUserCert");
    }
}
