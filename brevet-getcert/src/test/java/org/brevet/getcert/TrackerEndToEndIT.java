package org.brevet.getcert;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The real daemon ({@code TrackerMain}) started as a process with a temporary state directory and socket,
 * driven by real {@code getcert} processes; what it writes is checked with openssl. CAs: SelfSign, the
 * built-in local CA, a scripted helper for every exit code of certmonger's protocol, and certmonger's own
 * {@code local-submit} (Debian package certmonger).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TrackerEndToEndIT {
    private Path dir;

    private Path socket;
    private Path state;
    private Path certs;
    private Path clockOffset;
    private Path caDir;
    private Path helper;
    private Process daemon;

    @BeforeAll
    void startDaemon() throws IOException {
        dir = Files.createTempDirectory("tracker-e2e");
        socket = dir.resolve("run/socket");
        state = dir.resolve("state");
        certs = Files.createDirectories(dir.resolve("certs"));
        clockOffset = dir.resolve("clock-offset");
        caDir = Files.createDirectories(dir.resolve("helper-ca"));
        helper = dir.resolve("helper-ca.sh");
        Files.copy(Path.of("src/test/resources/e2e/helper-ca.sh"), helper);
        Files.setPosixFilePermissions(helper, PosixFilePermissions.fromString("rwxr-xr-x"));
        Processes.Result ca = Processes.openssl("req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256",
                "-nodes", "-keyout", caDir.resolve("ca.key").toString(), "-out", caDir.resolve("ca.crt").toString(),
                "-days", "3650", "-subj", "/CN=Scripted Test CA");
        assertThat(ca.exitCode()).as(ca.stderr()).isZero();
        Files.writeString(dir.resolve("tracker.conf"), "[defaults]\nnotification_method = stdout\n");
        startDaemonProcess();
    }

    private void startDaemonProcess() throws IOException {
        daemon = new ProcessBuilder(Processes.java("org.brevet.tracker.TrackerMain", "-n", "-d", "3",
                "--state-dir", state.toString(), "--socket", socket.toString(), "--config",
                dir.resolve("tracker.conf").toString(), "--clock-offset-file", clockOffset.toString()))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("daemon.log").toFile()))
                .start();
        Processes.until(this::socketAnswers, ok -> ok, Duration.ofSeconds(30), "the daemon's socket");
    }

    private boolean socketAnswers() {
        assertThat(daemon.isAlive()).as("daemon exited; log:\n" + log()).isTrue();
        try (SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            ch.connect(UnixDomainSocketAddress.of(socket));
            return true;
        } catch (IOException e) {
            Thread.onSpinWait();
            return false;
        }
    }

    private String log() {
        try {
            return Files.readString(dir.resolve("daemon.log"));
        } catch (IOException e) {
            return "(no log)";
        }
    }

    @AfterAll
    void stopDaemon() throws InterruptedException, IOException {
        if (daemon != null) {
            daemon.destroy();
            daemon.waitFor();
        }
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private Processes.Result getcert(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add(1, "--socket");
        all.add(2, socket.toString());
        return Processes.run(Processes.java("org.brevet.getcert.GetcertMain", all.toArray(String[]::new)), Map.of());
    }

    private String path(String name) {
        return certs.resolve(name).toString();
    }

    private String listOf(String id) {
        return getcert("list", "-i", id).stdout();
    }

    @Test
    @Order(1)
    void selfSign_requestWithWait_reachesMonitoring_andOpensslAcceptsTheFiles() throws IOException {
        Processes.Result r = getcert("request", "-c", "SelfSign", "-k", path("self.key"), "-f", path("self.crt"),
                "-I", "self1", "-N", "CN=self1.example.test", "-D", "self1.example.test", "-u", "digitalSignature",
                "-U", "id-kp-serverAuth", "-w", "-v");

        assertThat(r.exitCode()).as(r.stderr() + log()).isZero();
        assertThat(r.stdout()).startsWith("New signing request \"self1\" added.\n").endsWith("State MONITORING, stuck: no.\n");
        String list = listOf("self1");
        assertThat(list).startsWith("Number of certificates and requests being tracked: 1.\nRequest ID 'self1':\n"
                + "\tstatus: MONITORING\n\tstuck: no\n\tkey pair storage: type=FILE,location='" + path("self.key") + "'\n"
                + "\tcertificate: type=FILE,location='" + path("self.crt") + "'\n\tCA: SelfSign\n"
                + "\tissuer: CN=self1.example.test\n\tsubject: CN=self1.example.test\n\tissued: ");
        assertThat(list).contains("\tdns: self1.example.test\n\tkey usage: digitalSignature\n\teku: id-kp-serverAuth\n"
                + "\tpre-save command: \n\tpost-save command: \n\ttrack: yes\n\tauto-renew: yes\n");
        assertThat(Processes.openssl("verify", "-CAfile", path("self.crt"), path("self.crt")).stdout()).contains(": OK");
        assertThat(Processes.openssl("x509", "-in", path("self.crt"), "-noout", "-ext", "subjectAltName").stdout())
                .contains("DNS:self1.example.test");
        assertThat(Processes.openssl("pkey", "-in", path("self.key"), "-noout").exitCode()).isZero();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(certs.resolve("self.key")))).isEqualTo("rw-------");
        assertThat(getcert("status", "-i", "self1").exitCode()).isZero();
    }

    @Test
    @Order(2)
    void localCa_withEcKeyPinFileAndCaFile_isVerifiedByOpenssl() throws IOException {
        Files.writeString(certs.resolve("pin.txt"), "s3cret-pin\n");
        Processes.Result r = getcert("request", "-c", "local", "-k", path("local.key"), "-f", path("local.crt"),
                "-I", "local1", "-D", "local1.example.test", "-A", "127.0.0.1", "-G", "EC", "-g", "384",
                "-p", path("pin.txt"), "-F", path("local-ca.crt"), "-M", "0640",
                "-C", "/bin/sh -c 'env > " + path("post.env") + "'", "-w");

        assertThat(r.exitCode()).as(r.stderr() + log()).isZero();
        assertThat(listOf("local1")).contains("\tkey pair storage: type=FILE,location='" + path("local.key") + "',pinfile='"
                + path("pin.txt") + "'\n").contains("\tIP address: 127.0.0.1\n").contains("\tCA: local\n");
        assertThat(Processes.openssl("verify", "-CAfile", path("local-ca.crt"), path("local.crt")).stdout()).contains(": OK");
        assertThat(Files.readString(certs.resolve("local.key"))).startsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----");
        assertThat(Processes.openssl("pkey", "-in", path("local.key"), "-passin", "pass:s3cret-pin", "-noout",
                "-text").stdout()).contains("384 bit");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(certs.resolve("local.crt")))).isEqualTo("rw-r-----");
        assertThat(Files.readString(certs.resolve("post.env"))).contains("BREVET_EVENT=post-save")
                .contains("BREVET_REQUEST_ID=local1").contains("BREVET_CERT_FILE=" + path("local.crt"));
        assertThat(Files.readString(state.resolve("requests/local1"))).doesNotContain("s3cret-pin");
    }

    @ParameterizedTest(name = "helper exit {0} -> {1} (status {2})")
    @Order(3)
    @CsvSource({
        "issue, MONITORING, 0",
        "1, CA_WORKING, 5",
        "5, CA_WORKING, 5",
        "2, CA_REJECTED, 2",
        "3, CA_UNREACHABLE, 3",
        "4, CA_UNCONFIGURED, 4",
        "6, NEED_GUIDANCE, 4",
        "16, NEED_GUIDANCE, 4",
        "17, NEED_GUIDANCE, 4",
        "9, NEED_GUIDANCE, 4",
        "garbage, NEED_GUIDANCE, 4",
        "wrong-key, NEED_GUIDANCE, 4",
    })
    void scriptedHelper_eachExitCode_endsInCertmongersState(String mode, String state, int status) {
        String ca = "H" + mode;
        assertThat(getcert("add-ca", "-c", ca, "-e", helper + " " + mode + " " + caDir).stdout())
                .isEqualTo("New CA \"" + ca + "\" added.\n");

        Processes.Result r = getcert("request", "-c", ca, "-k", path(ca + ".key"), "-f", path(ca + ".crt"), "-I", "req-" + ca,
                "-D", ca.toLowerCase() + ".example.test", "-T", "caServerCert", "-w");

        assertThat(r.exitCode()).as(r.stdout() + r.stderr()).isEqualTo(status);
        assertThat(listOf("req-" + ca)).contains("\tstatus: " + state + "\n");
        assertThat(getcert("status", "-i", "req-" + ca).exitCode()).isEqualTo(status);
    }

    @Test
    @Order(4)
    void helperWaiting_isPolledWithItsCookie_afterRefresh() throws IOException {
        getcert("add-ca", "-c", "Hwait", "-e", helper + " wait-then-issue " + caDir);
        Processes.Result r = getcert("request", "-c", "Hwait", "-k", path("wait.key"), "-f", path("wait.crt"), "-I", "wait1",
                "-D", "wait1.example.test");
        assertThat(r.exitCode()).isZero();
        Processes.until(() -> listOf("wait1"), s -> s.contains("status: CA_WORKING"), Duration.ofSeconds(30), "CA_WORKING");
        assertThat(getcert("status", "-i", "wait1").exitCode()).isEqualTo(5);

        assertThat(getcert("refresh", "-i", "wait1").stdout()).isEqualTo("Request ID 'wait1' being refreshed.\n");

        Processes.until(() -> listOf("wait1"), s -> s.contains("status: MONITORING"), Duration.ofSeconds(30), "MONITORING");
        assertThat(Files.readString(caDir.resolve("helper.log"))).contains("op=POLL ca=Hwait mode=wait-then-issue cookie=cookie-42");
        assertThat(Processes.openssl("verify", "-CAfile", caDir.resolve("ca.crt").toString(), path("wait.crt")).stdout())
                .contains(": OK");
    }

    @Test
    @Order(5)
    void certmongersOwnLocalSubmit_worksAsAnExternalCa() {
        Path localSubmit = Path.of("/usr/lib/certmonger/local-submit");
        assertThat(localSubmit).as("certmonger's local-submit (apt-get install certmonger)").isExecutable();
        Path cmDir = dir.resolve("cm-local");
        try {
            Files.createDirectories(cmDir);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        getcert("add-ca", "-c", "cmlocal", "-e", "/usr/libexec/certmonger/local-submit -d " + cmDir);

        Processes.Result r = getcert("request", "-c", "cmlocal", "-k", path("cm.key"), "-f", path("cm.crt"), "-I", "cm1",
                "-D", "cm1.example.test", "-F", path("cm-ca.crt"), "-w");

        assertThat(r.exitCode()).as(r.stderr() + log()).isZero();
        assertThat(listOf("cm1")).contains("\tissuer: CN=").contains(",CN=Local Signing Authority\n");
        Processes.Result roots = Processes.run(List.of(localSubmit.toString(), "-d", cmDir.toString()),
                Map.of("CERTMONGER_OPERATION", "FETCH-ROOTS"));
        Path root = dir.resolve("cm-root.pem");
        try {
            Files.writeString(root, roots.stdout());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        assertThat(Processes.openssl("verify", "-CAfile", root.toString(), path("cm.crt")).stdout()).contains(": OK");
        assertThat(Processes.openssl("verify", "-CAfile", path("cm-ca.crt"), path("cm.crt")).stdout())
                .as("-F got the CA's root from FETCH-ROOTS").contains(": OK");
        assertThat(Processes.until(() -> getcert("list-cas", "-c", "cmlocal", "-v").stdout(),
                s -> s.contains("self-identifies as: Local Signing Authority"), Duration.ofSeconds(30), "IDENTIFY"))
                .contains("\tca-type: EXTERNAL\n\thelper-location: /usr/libexec/certmonger/local-submit -d " + cmDir + "\n");
    }

    @Test
    @Order(6)
    void movingTheClock_renewsTheLocalCertificate_andRunsThePostSaveCommand() throws IOException {
        String before = Processes.openssl("x509", "-in", path("local.crt"), "-noout", "-serial").stdout();

        Files.writeString(clockOffset, Long.toString(Duration.ofDays(340).toSeconds()));

        Processes.until(() -> Processes.openssl("x509", "-in", path("local.crt"), "-noout", "-serial").stdout(),
                s -> !s.equals(before) && !s.isBlank(), Duration.ofSeconds(60), "a renewed certificate");
        Processes.until(() -> listOf("local1"), s -> s.contains("status: MONITORING"), Duration.ofSeconds(30), "MONITORING");
        String newSerial = Processes.openssl("x509", "-in", path("local.crt"), "-noout", "-serial").stdout().strip()
                .replace("serial=", "").replaceFirst("^0+", "");
        String oldSerial = before.strip().replace("serial=", "").replaceFirst("^0+", "");
        assertThat(Files.readString(certs.resolve("post.env")).toUpperCase()).contains("BREVET_NEW_SERIAL=" + newSerial)
                .contains("BREVET_OLD_SERIAL=" + oldSerial);
        long daemonNow = Instant.now().plus(Duration.ofDays(340)).getEpochSecond();
        assertThat(Processes.openssl("verify", "-attime", Long.toString(daemonNow), "-CAfile", path("local-ca.crt"),
                path("local.crt")).stdout()).as("valid at the daemon's (moved) time").contains(": OK");
        assertThat(log()).contains("Certificate in file \"" + path("local.crt") + "\" will not be valid after ")
                .contains("Certificate in file \"" + path("local.crt") + "\" issued by CA and saved.");
    }

    @Test
    @Order(7)
    void afterKill9_theDaemonReloadsEverything_andReportsABrokenFile() throws Exception {
        Files.writeString(state.resolve("requests/garbage"), "id=garbage\nstate=BANANA\n");
        daemon.destroyForcibly();
        daemon.waitFor();
        startDaemonProcess();

        String list = getcert("list").stdout();
        assertThat(list).contains("Request ID 'self1':\n\tstatus: MONITORING\n")
                .contains("Request ID 'local1':\n\tstatus: MONITORING\n")
                .contains("Request ID 'garbage':\n\tstatus: INVALID\n\tca-error: request file ");
        assertThat(getcert("status", "-i", "self1").exitCode()).isZero();
    }

    @Test
    @Order(8)
    void badInput_getsOneClearLine() {
        Processes.Result dup = getcert("request", "-c", "local", "-k", path("other.key"), "-f", path("self.crt"));
        assertThat(dup.exitCode()).isEqualTo(1);
        assertThat(dup.stderr()).startsWith("Certificate at same location is already used by request with nickname \"self1\".\n");

        Processes.Result unknown = getcert("stop-tracking", "-i", "no-such-request");
        assertThat(unknown.exitCode()).isEqualTo(1);
        assertThat(unknown.stderr()).isEqualTo("No request found that matched arguments.\n");

        Processes.Result noCa = getcert("request", "-c", "NoSuchCA", "-k", path("noca.key"), "-f", path("noca.crt"),
                "-I", "noca", "-w");
        assertThat(noCa.exitCode()).isEqualTo(4);
        assertThat(listOf("noca")).contains("\tstatus: NEED_CA\n\tca-error: No matching CA \"NoSuchCA\".\n\tstuck: yes\n");

        Processes.Result down = Processes.run(Processes.java("org.brevet.getcert.GetcertMain", "list", "--socket",
                dir.resolve("nobody-listens").toString()), Map.of());
        assertThat(down.exitCode()).isEqualTo(1);
        assertThat(down.stderr().lines().count()).isEqualTo(1);
    }

    @Test
    @Order(3)
    void pkcs12Storage_withPinFile_isReadByOpenssl() throws IOException {
        Files.writeString(certs.resolve("p12pin.txt"), "p12-secret\n");
        Processes.Result r = getcert("request", "-c", "local", "-f", path("bundle.p12"), "-p", path("p12pin.txt"),
                "-I", "p12", "-D", "p12.example.test", "-w");

        assertThat(r.exitCode()).as(r.stderr() + log()).isZero();
        assertThat(listOf("p12")).contains("\tkey pair storage: type=PKCS12,location='" + path("bundle.p12") + "',pinfile='")
                .contains("\tcertificate: type=PKCS12,location='" + path("bundle.p12") + "'\n");
        Processes.Result dump = Processes.openssl("pkcs12", "-in", path("bundle.p12"), "-passin", "pass:p12-secret",
                "-nodes");
        assertThat(dump.exitCode()).as(dump.stderr()).isZero();
        assertThat(dump.stdout()).contains("-----BEGIN PRIVATE KEY-----").contains("-----BEGIN CERTIFICATE-----");
        assertThat(certs.resolve("bundle.p12.next-key")).doesNotExist();
    }

    @Test
    @Order(4)
    void rekey_replacesKeyAndCertificate_together() throws IOException {
        String oldKey = Files.readString(certs.resolve("self.key"));

        Processes.Result r = getcert("rekey", "-i", "self1", "-G", "EC", "-g", "256", "-w");

        assertThat(r.exitCode()).as(r.stdout() + r.stderr() + log()).isZero();
        assertThat(r.stdout()).startsWith("Resubmitting \"self1\" to \"SelfSign\".");
        assertThat(Files.readString(certs.resolve("self.key"))).isNotEqualTo(oldKey);
        assertThat(certs.resolve("self.key.next")).doesNotExist();
        String certKey = Processes.openssl("x509", "-in", path("self.crt"), "-noout", "-pubkey").stdout();
        String fileKey = Processes.openssl("pkey", "-in", path("self.key"), "-pubout").stdout();
        assertThat(certKey).isEqualTo(fileKey).contains("BEGIN PUBLIC KEY");
    }

    @Test
    @Order(4)
    void failingPostSaveCommand_isShownInList_butTheCertificateIsSaved() {
        Processes.Result r = getcert("request", "-c", "local", "-k", path("hook.key"), "-f", path("hook.crt"), "-I", "hook1",
                "-C", "/bin/sh -c 'echo failing on purpose; exit 3'", "-w");

        assertThat(r.exitCode()).isZero();
        assertThat(certs.resolve("hook.crt")).exists();
        assertThat(listOf("hook1")).contains("\tsave command error: post-save command exited with status 3\n");
        assertThat(log()).contains("failing on purpose");
    }

    @Test
    @Order(4)
    void missingHelper_leavesTheRequestUnconfigured_withTheReason() {
        getcert("add-ca", "-c", "Gone", "-e", dir.resolve("no-such-helper") + " --flag");

        Processes.Result r = getcert("request", "-c", "Gone", "-k", path("gone.key"), "-f", path("gone.crt"), "-I", "gone1",
                "-w");

        assertThat(r.exitCode()).isEqualTo(4);
        assertThat(listOf("gone1")).contains("\tstatus: CA_UNCONFIGURED\n\tca-error: Error running enrollment helper \"")
                .contains("\tstuck: yes\n");
    }

    @Test
    @Order(8)
    void wrongPin_isStuckInAPinState_andRecoversWhenFixed() throws IOException {
        Files.writeString(certs.resolve("pin.txt"), "not-the-pin\n");

        Processes.Result r = getcert("resubmit", "-i", "local1", "-w");

        assertThat(r.exitCode()).as(r.stdout() + r.stderr()).isEqualTo(4);
        assertThat(listOf("local1")).contains("\tstatus: NEED_KEYINFO_READ_PIN\n\tca-error: " + path("local.key") + ": wrong password")
                .contains("\tstuck: yes\n");

        Files.writeString(certs.resolve("pin.txt"), "s3cret-pin\n");
        assertThat(getcert("resubmit", "-i", "local1", "-w").exitCode()).isZero();
    }

    @Test
    @Order(8)
    void unreadableKeyFile_needsGuidance_withTheReason() throws IOException {
        Files.writeString(certs.resolve("junk.key"), "this is not a key\n");

        Processes.Result r = getcert("request", "-c", "local", "-k", path("junk.key"), "-f", path("junk.crt"), "-I", "junk",
                "-w");

        assertThat(r.exitCode()).isEqualTo(4);
        assertThat(listOf("junk")).contains("\tstatus: NEED_GUIDANCE\n\tca-error: ");
    }

    @Test
    @Order(8)
    void pinOnTheCommandLine_isKeptInMemoryOnly() throws IOException {
        Processes.Result r = getcert("request", "-c", "SelfSign", "-k", path("mem.key"), "-f", path("mem.crt"), "-I", "mem",
                "-P", "memory-only-pin", "-w");

        assertThat(r.exitCode()).isZero();
        assertThat(listOf("mem")).contains("\tkey pair storage: type=FILE,location='" + path("mem.key") + "',pin set\n");
        assertThat(Files.readString(certs.resolve("mem.key"))).startsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----");
        assertThat(Files.readString(state.resolve("requests/mem"))).doesNotContain("memory-only-pin");
    }

    @Test
    @Order(8)
    void listJson_givesTheSameDataForScripts() {
        Processes.Result r = getcert("list", "-i", "local1", "--json");

        assertThat(r.exitCode()).isZero();
        assertThat(r.stdout()).contains("\"requests\" : [ {").contains("\"id\" : \"local1\"")
                .contains("\"state\" : \"MONITORING\"").contains("\"stuck\" : false")
                .contains("\"ipAddress\" : [ \"127.0.0.1\" ]");
        assertThat(getcert("list", "-o", "json", "-i", "local1").stdout()).isEqualTo(r.stdout());
    }

    @Test
    @Order(9)
    void stopTracking_removesTheEntry_butLeavesTheFiles() {
        assertThat(getcert("stop-tracking", "-i", "self1").stdout()).isEqualTo("Request \"self1\" removed.\n");
        assertThat(getcert("status", "-i", "self1").exitCode()).isEqualTo(1);
        assertThat(certs.resolve("self.crt")).exists();
        assertThat(Instant.now()).isNotNull();
    }

    @Test
    @Order(10)
    void startTracking_anExistingCertificate_monitorsItWithoutReissuing() throws IOException {
        String before = Files.readString(certs.resolve("self.crt"));

        Processes.Result r = getcert("start-tracking", "-c", "SelfSign", "-k", path("self.key"), "-f", path("self.crt"),
                "-I", "again", "-w");

        assertThat(r.exitCode()).as(r.stderr()).isZero();
        assertThat(r.stdout()).startsWith("New tracking request \"again\" added.");
        assertThat(listOf("again")).contains("\tstatus: MONITORING\n").contains("\tsubject: CN=self1.example.test\n");
        assertThat(Files.readString(certs.resolve("self.crt"))).isEqualTo(before);
    }

    @Test
    @Order(10)
    void localGetcertWrapper_forcesTheLocalCa() {
        List<String> cmd = Processes.javaWith(List.of("-Dbrevet.getcert.ca=local"), "org.brevet.getcert.GetcertMain",
                "request", "--socket", socket.toString(), "-k", path("wrapped.key"), "-f", path("wrapped.crt"), "-I",
                "wrapped", "-w");

        Processes.Result r = Processes.run(cmd, Map.of());

        assertThat(r.exitCode()).as(r.stderr()).isZero();
        assertThat(listOf("wrapped")).contains("\tCA: local\n").contains("\tstatus: MONITORING\n");
    }

    @Test
    @Order(11)
    void ownerAndModeOptions_chownAndChmodTheSavedFiles() throws IOException {
        Processes.Result r = getcert("request", "-c", "local", "-k", path("owned.key"), "-f", path("owned.crt"), "-I", "owned",
                "-N", "CN=owned.example.test", "-o", "nobody:nogroup", "-O", "nobody", "-m", "0640", "-M", "0644", "-w");

        assertThat(r.exitCode()).as(r.stderr() + log()).isZero();
        Path key = certs.resolve("owned.key");
        Path cert = certs.resolve("owned.crt");
        assertThat(Files.getOwner(key).getName()).isEqualTo("nobody");
        assertThat(Files.readAttributes(key, java.nio.file.attribute.PosixFileAttributes.class).group().getName())
                .isEqualTo("nogroup");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key))).isEqualTo("rw-r-----");
        assertThat(Files.getOwner(cert).getName()).isEqualTo("nobody");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(cert))).isEqualTo("rw-r--r--");
        assertThat(listOf("owned")).contains("\tstatus: MONITORING\n");
    }
}
