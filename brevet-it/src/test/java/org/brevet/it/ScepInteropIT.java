package org.brevet.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Brevet's SCEP server against certmonger 0.79, which we did not write: its {@code scep-submit} helper run
 * standalone with the {@code CERTMONGER_OPERATION} variables certmonger sets (FETCH-SCEP-CA-CAPS,
 * FETCH-SCEP-CA-CERTS), and the real certmonger daemon (private socket and state, no D-Bus) enrolling with
 * {@code getcert add-scep-ca} + {@code getcert request -L} and a one-time password from
 * {@code brevet scep otp create}, renewing without the password, and refused when the password is reused.
 * Issued certificates are checked with {@code openssl verify}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ScepInteropIT {
    private static final Duration LIMIT = Duration.ofSeconds(60);

    @TempDir
    static Path tmp;

    private ServedInstance ca;
    private Path caPem;
    private String scepUrl;
    private Path cmDir;
    private Process certmonger;
    private Map<String, String> getcertEnv;
    private String usedPassword;

    @BeforeAll
    void serve() throws IOException {
        ca = ServedInstance.init(tmp.resolve("ca")).start();
        caPem = ca.dir().resolve("certs/ca.pem");
        scepUrl = ca.httpUrl() + "/ca/cgi-bin/pkiclient.exe";
        cmDir = tmp.resolve("cm");
        for (String d : List.of("config", "cas", "requests", "local")) {
            Files.createDirectories(cmDir.resolve(d));
        }
        Path socket = cmDir.resolve("cm.sock");
        ProcessBuilder pb = new ProcessBuilder("certmonger", "-n", "-L", "-P", socket.toString(), "-d", "2")
                .redirectErrorStream(true).redirectOutput(cmDir.resolve("certmonger.log").toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("CERTMONGER_"));
        pb.environment().put("CERTMONGER_CONFIG_DIR", cmDir.resolve("config").toString());
        pb.environment().put("CERTMONGER_CAS_DIR", cmDir.resolve("cas").toString());
        pb.environment().put("CERTMONGER_REQUESTS_DIR", cmDir.resolve("requests").toString());
        pb.environment().put("CERTMONGER_LOCAL_CA_DIR", cmDir.resolve("local").toString());
        certmonger = pb.start();
        getcertEnv = Map.of("CERTMONGER_PVT_ADDRESS", "unix:path=" + socket);
        Await.until(() -> Files.exists(socket), Boolean::booleanValue, LIMIT, "certmonger's socket");
    }

    @AfterAll
    void stop() throws InterruptedException {
        if (certmonger != null) {
            certmonger.destroy();
            if (!certmonger.waitFor(30, TimeUnit.SECONDS)) {
                certmonger.destroyForcibly();
            }
        }
        if (ca != null) {
            ca.close();
        }
    }

    @Test
    @Order(1)
    void scepSubmitStandalone_readsCapsAndTheRaCaPair() {
        Path helper = scepSubmit();
        Cli.Result caps = Cli.helper(List.of(helper.toString(), "-u", scepUrl),
                Map.of("CERTMONGER_OPERATION", "FETCH-SCEP-CA-CAPS"));
        assertThat(caps.exitCode()).as(caps.stdout() + caps.stderr()).isZero();
        assertThat(caps.stdout()).contains("POSTPKIOperation", "SHA-256", "AES", "Renewal", "SCEPStandard");

        Cli.Result certs = Cli.helper(List.of(helper.toString(), "-u", scepUrl),
                Map.of("CERTMONGER_OPERATION", "FETCH-SCEP-CA-CERTS"));
        assertThat(certs.exitCode()).as(certs.stdout() + certs.stderr()).isZero();
        assertThat(certs.stdout().split("-----BEGIN CERTIFICATE-----", -1)).hasSize(3);
    }

    @Test
    @Order(2)
    void certmongerDaemon_enrollsWithAOneTimePassword_andOpensslVerifiesIt() throws IOException {
        getcert("add-scep-ca", "-c", "BrevetSCEP", "-u", scepUrl).assertOk();
        Await.until(() -> getcert("list-cas", "-c", "BrevetSCEP").stdout(),
                out -> out.contains("SCEP CA certificate thumbprint (SHA1)"), LIMIT, "the SCEP CA's certificates");
        usedPassword = otp();

        getcert("request", "-c", "BrevetSCEP", "-f", file("device.crt"), "-k", file("device.key"),
                "-N", "CN=device.example.test", "-L", usedPassword, "-I", "scep-device").assertOk();

        String listed = awaitSettled("scep-device");
        assertThat(listed).contains("status: MONITORING").contains("subject: CN=device.example.test")
                .contains("issuer: CN=Certificate Authority");
        assertThat(Cli.run(60, "openssl", "verify", "-CAfile", caPem.toString(), file("device.crt")).assertOk().stdout())
                .contains(": OK");
    }

    @Test
    @Order(3)
    void resubmit_renewsWithoutThePassword_signedByTheCurrentCertificate() throws IOException {
        String before = serial(file("device.crt"));
        getcert("resubmit", "-i", "scep-device").assertOk();
        Await.until(() -> serialIfReadable(file("device.crt")), s -> !s.isEmpty() && !s.equals(before), LIMIT,
                "the renewed certificate");
        assertThat(awaitSettled("scep-device")).contains("status: MONITORING");
        assertThat(Cli.run(60, "openssl", "verify", "-CAfile", caPem.toString(), file("device.crt")).assertOk().stdout())
                .contains(": OK");
    }

    @Test
    @Order(4)
    void aReusedPassword_isRejected_andNothingIsSaved() throws IOException {
        getcert("request", "-c", "BrevetSCEP", "-f", file("second.crt"), "-k", file("second.key"),
                "-N", "CN=second.example.test", "-L", usedPassword, "-I", "scep-second").assertOk();
        String listed = awaitSettled("scep-second");
        assertThat(listed).contains("status: CA_REJECTED");
        assertThat(tmp.resolve("second.crt")).doesNotExist();
        String found = Cli.brevet("cert", "find", "--instance", ca.dir().toString(), "--subject", "second.example.test")
                .stdout();
        assertThat(found).doesNotContain("second.example.test");
        assertThat(Cli.brevet("cert", "find", "--instance", ca.dir().toString(), "--subject", "device.example.test")
                .stdout()).contains("device.example.test");
    }

    private String otp() {
        Cli.Result r = Cli.brevet("scep", "otp", "create", "--instance", ca.dir().toString(), "--valid-for", "10m")
                .assertOk();
        String password = r.stdout().strip();
        assertThat(password).doesNotContain("\n").hasSizeGreaterThanOrEqualTo(20);
        return password;
    }

    private String awaitSettled(String id) {
        return Await.until(() -> getcert("list", "-i", id).stdout(),
                out -> out.contains("status: MONITORING") || out.contains("status: CA_REJECTED")
                        || out.contains("status: CA_UNREACHABLE") || out.contains("status: NEED_GUIDANCE"),
                LIMIT, "request " + id + " to settle");
    }

    private Cli.Result getcert(String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add("getcert");
        cmd.addAll(List.of(args));
        return Cli.helper(cmd, getcertEnv);
    }

    private String file(String name) {
        return tmp.resolve(name).toString();
    }

    private static String serial(String certFile) {
        return Cli.run(60, "openssl", "x509", "-in", certFile, "-noout", "-serial").assertOk().stdout().strip();
    }

    private static String serialIfReadable(String certFile) {
        Cli.Result r = Cli.run(60, "openssl", "x509", "-in", certFile, "-noout", "-serial");
        return r.exitCode() == 0 ? r.stdout().strip() : "";
    }

    /** certmonger's SCEP helper: /usr/libexec/certmonger on Fedora, /usr/lib/certmonger on Debian. */
    private static Path scepSubmit() {
        for (String dir : List.of("/usr/libexec/certmonger", "/usr/lib/certmonger")) {
            Path p = Path.of(dir, "scep-submit");
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        throw new AssertionError("certmonger's scep-submit is not installed (apt-get install certmonger)");
    }
}
