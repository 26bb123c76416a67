package org.brevet.getcert;

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

/**
 * NSS databases end to end: the real daemon and real getcert processes, the built-in local CA, and NSS's own
 * {@code certutil} (Debian package libnss3-tools; these tests fail without it) both to prepare databases and
 * to check what the tracker wrote.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NssTrackerEndToEndIT {
    private Path dir;
    private TrackerProcess tracker;

    @BeforeAll
    void startDaemon() throws IOException {
        dir = Files.createTempDirectory("tracker-nss");
        tracker = TrackerProcess.start(dir);
    }

    @AfterAll
    void stopDaemon() throws Exception {
        tracker.close();
    }

    private static Processes.Result certutil(String... args) {
        List<String> cmd = new ArrayList<>(List.of("certutil"));
        cmd.addAll(List.of(args));
        return Processes.run(cmd, Map.of());
    }

    private Path newDatabase(String name, String password) throws IOException {
        Path db = Files.createDirectories(dir.resolve(name));
        Processes.Result r;
        if (password == null) {
            r = certutil("-N", "-d", "sql:" + db, "--empty-password");
        } else {
            Files.writeString(dir.resolve(name + ".pin"), password + "\n");
            r = certutil("-N", "-d", "sql:" + db, "-f", dir.resolve(name + ".pin").toString());
        }
        assertThat(r.exitCode()).as(r.stderr()).isZero();
        return db;
    }

    private String serialOf(Path db, String nickname) {
        Processes.Result pem = certutil("-L", "-d", "sql:" + db, "-n", nickname, "-a");
        assertThat(pem.exitCode()).as(pem.stderr()).isZero();
        assertThat(pem.stdout().split("BEGIN CERTIFICATE", -1)).as("one certificate under " + nickname).hasSize(2);
        Path tmp = dir.resolve("serial.pem");
        try {
            Files.writeString(tmp, pem.stdout());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return Processes.openssl("x509", "-in", tmp.toString(), "-noout", "-serial").stdout().trim();
    }

    @Test
    void request_savesKeyAndCertificateInTheDatabase_andCertutilListsThem() throws IOException {
        Path db = Files.createDirectories(dir.resolve("web"));
        Path caFile = dir.resolve("web-ca.pem");

        Processes.Result r = tracker.getcert("request", "-c", "local", "-d", "sql:" + db, "-n", "Server-Cert",
                "-I", "web", "-N", "CN=web.example.test", "-D", "web.example.test", "-A", "127.0.0.1",
                "-E", "admin@example.test", "-K", "HTTP/web.example.test@EXAMPLE.TEST", "-u", "digitalSignature",
                "-U", "id-kp-serverAuth", "-F", caFile.toString(), "-w");

        assertThat(r.exitCode()).as(r.stdout() + r.stderr() + tracker.log()).isZero();
        String list = tracker.listOf("web");
        assertThat(list).contains("\tstatus: MONITORING\n\tstuck: no\n"
                + "\tkey pair storage: type=NSSDB,location='sql:" + db + "',nickname='Server-Cert',token='NSS Certificate DB'\n"
                + "\tcertificate: type=NSSDB,location='sql:" + db + "',nickname='Server-Cert',token='NSS Certificate DB'\n")
                .contains("\tsubject: CN=web.example.test\n").contains("\tdns: web.example.test\n")
                .contains("\tIP address: 127.0.0.1\n").contains("\temail: admin@example.test\n")
                .contains("\tprincipal name: HTTP/web.example.test@EXAMPLE.TEST\n")
                .contains("\tkey usage: digitalSignature\n").contains("\teku: id-kp-serverAuth\n");
        assertThat(tracker.getcert("list", "-n", "Server-Cert", "-d", db + "/").stdout())
                .contains("Request ID 'web':\n").doesNotContain("Request ID 'casigning'");
        Processes.Result listed = certutil("-L", "-d", "sql:" + db, "-n", "Server-Cert");
        assertThat(listed.exitCode()).as(listed.stderr()).isZero();
        assertThat(listed.stdout()).contains("Subject: \"CN=web.example.test\"").contains("DNS name: \"web.example.test\"");
        assertThat(certutil("-K", "-d", "sql:" + db).stdout()).contains("NSS Certificate DB:Server-Cert");
        Path leaf = dir.resolve("web.pem");
        Files.writeString(leaf, certutil("-L", "-d", "sql:" + db, "-n", "Server-Cert", "-a").stdout());
        assertThat(Processes.openssl("verify", "-CAfile", caFile.toString(), leaf.toString()).stdout()).contains(": OK");
        assertThat(db.resolve("cert8.db")).doesNotExist();
        assertThat(tracker.log()).contains("Certificate named \"Server-Cert\" in token \"NSS Certificate DB\" in database \"sql:"
                + db + "\" issued by CA and saved.");
    }

    @Test
    void startTracking_aCertutilCertificate_asSeed19_7Does_thenRenewsItUnderTheSameNickname() throws IOException {
        Path alias = newDatabase("alias", "internal-pin");
        Files.writeString(dir.resolve("noise"), "x".repeat(2048));
        Processes.Result made = Processes.run(List.of("sh", "-c", "certutil -S -d sql:" + alias
                + " -n 'caSigningCert cert-pki-ca' -s 'CN=Certificate Authority,O=EXAMPLE.TEST' -x -t CT,C,C -k rsa"
                + " -g 2048 -z " + dir.resolve("noise") + " -f " + dir.resolve("alias.pin")), Map.of());
        assertThat(made.exitCode()).as(made.stderr()).isZero();
        String before = serialOf(alias, "caSigningCert cert-pki-ca");

        Processes.Result r = tracker.getcert("start-tracking", "-d", alias.toString(), "-n", "caSigningCert cert-pki-ca",
                "-t", "NSS Certificate DB", "-c", "local", "-P", "internal-pin", "-B", "/bin/true",
                "-C", "/bin/sh -c 'echo renewed caSigningCert'", "-T", "caCACert", "-I", "casigning", "-w");

        assertThat(r.exitCode()).as(r.stdout() + r.stderr() + tracker.log()).isZero();
        assertThat(r.stdout()).startsWith("New tracking request \"casigning\" added.");
        assertThat(tracker.listOf("casigning")).contains("\tstatus: MONITORING\n")
                .contains("\tsubject: CN=Certificate Authority,O=EXAMPLE.TEST\n")
                .contains("nickname='caSigningCert cert-pki-ca',token='NSS Certificate DB',pin set\n");
        assertThat(serialOf(alias, "caSigningCert cert-pki-ca")).isEqualTo(before);

        Processes.Result renewed = tracker.getcert("resubmit", "-d", alias.toString(), "-n", "caSigningCert cert-pki-ca",
                "-w");

        assertThat(renewed.exitCode()).as(renewed.stdout() + renewed.stderr() + tracker.log()).isZero();
        assertThat(serialOf(alias, "caSigningCert cert-pki-ca")).isNotEqualTo(before);
        assertThat(tracker.listOf("casigning")).contains("\tissuer: CN=Local Signing Authority");
        assertThat(tracker.log()).contains("renewed caSigningCert");
    }

    @Test
    void rekey_replacesTheKeyUnderTheSameNickname_andRemovesTheOldOne() throws IOException {
        Path db = newDatabase("rekey", null);
        assertThat(tracker.getcert("request", "-c", "local", "-d", "sql:" + db, "-n", "rk", "-I", "rk", "-w")
                .exitCode()).isZero();
        String keysBefore = certutil("-K", "-d", "sql:" + db).stdout();

        Processes.Result r = tracker.getcert("rekey", "-i", "rk", "-G", "EC", "-g", "256", "-w");

        assertThat(r.exitCode()).as(r.stdout() + r.stderr() + tracker.log()).isZero();
        String keysAfter = certutil("-K", "-d", "sql:" + db).stdout();
        assertThat(keysBefore).contains("< 0> rsa").contains(":rk");
        assertThat(keysAfter).contains("< 0> ec").contains(":rk").doesNotContain("rsa");
        assertThat(certutil("-L", "-d", "sql:" + db, "-n", "rk").stdout()).contains("EC Public Key");
    }

    @Test
    void wrongPin_isStuckInAPinState_andRecoversWithTheRightPin() throws IOException {
        Path db = newDatabase("locked", "right-pin");
        Files.writeString(dir.resolve("wrong.pin"), "wrong-pin\n");

        Processes.Result r = tracker.getcert("request", "-c", "local", "-d", "sql:" + db, "-n", "pinned", "-I", "pinned",
                "-p", dir.resolve("wrong.pin").toString(), "-w");

        assertThat(r.exitCode()).as(r.stdout() + r.stderr()).isEqualTo(4);
        assertThat(tracker.listOf("pinned")).contains("\tstatus: NEWLY_ADDED_NEED_KEYINFO_READ_PIN\n"
                + "\tca-error: wrong or missing PIN for the NSS database sql:" + db).contains("\tstuck: yes\n");

        Processes.Result fixed = tracker.getcert("resubmit", "-i", "pinned", "-p", dir.resolve("locked.pin").toString(),
                "-w");
        assertThat(fixed.exitCode()).as(fixed.stdout() + fixed.stderr() + tracker.log()).isZero();
        assertThat(certutil("-L", "-d", "sql:" + db, "-n", "pinned").exitCode()).isZero();

        Processes.Result rekey = tracker.getcert("rekey", "-i", "pinned", "-p", dir.resolve("wrong.pin").toString(), "-w");
        assertThat(rekey.exitCode()).isEqualTo(4);
        assertThat(tracker.listOf("pinned")).contains("\tstatus: NEED_KEY_GEN_PIN\n\tca-error: wrong or missing PIN")
                .contains("\tstuck: yes\n");
    }

    @Test
    void manyNicknamesInOneDatabase_areEnrolledInParallel_andStopTrackingByNicknameLeavesThem() throws IOException {
        Path db = newDatabase("shared", null);
        for (int i = 0; i < 4; i++) {
            assertThat(tracker.getcert("request", "-c", "local", "-d", "sql:" + db, "-n", "svc" + i, "-I", "svc" + i,
                    "-N", "CN=svc" + i + ".example.test").exitCode()).isZero();
        }
        for (int i = 0; i < 4; i++) {
            String id = "svc" + i;
            Processes.until(() -> tracker.listOf(id), s -> s.contains("status: MONITORING"), java.time.Duration.ofSeconds(60),
                    id + " MONITORING");
            assertThat(serialOf(db, id)).startsWith("serial=");
        }

        Processes.Result stop = tracker.getcert("stop-tracking", "-d", db.toString(), "-n", "svc2");

        assertThat(stop.stdout()).isEqualTo("Request \"svc2\" removed.\n");
        assertThat(tracker.getcert("status", "-i", "svc2").exitCode()).isEqualTo(1);
        assertThat(certutil("-L", "-d", "sql:" + db, "-n", "svc2").exitCode()).isZero();
    }

    @Test
    void selfSignCa_signsInsideTheDatabase() throws IOException {
        Path db = newDatabase("selfsigned", null);

        Processes.Result r = tracker.getcert("request", "-c", "SelfSign", "-d", "sql:" + db, "-n", "self", "-I", "self",
                "-N", "CN=self.example.test", "-D", "self.example.test", "-w");

        assertThat(r.exitCode()).as(r.stdout() + r.stderr() + tracker.listOf("self")).isZero();
        assertThat(tracker.listOf("self")).contains("\tstatus: MONITORING\n", "\tCA: SelfSign\n",
                "\tissuer: CN=self.example.test\n", "\tsubject: CN=self.example.test\n", "\tdns: self.example.test\n");
        Path pem = dir.resolve("self.pem");
        Files.writeString(pem, certutil("-L", "-d", "sql:" + db, "-n", "self", "-a").stdout());
        assertThat(Processes.openssl("verify", "-CAfile", pem.toString(), pem.toString()).stdout()).contains(": OK");
    }

    @Test
    void legacyDbmDatabase_isRefused_andNotConverted() throws IOException {
        Path db = Files.createDirectories(dir.resolve("legacy"));
        assertThat(certutil("-N", "-d", "dbm:" + db, "--empty-password").exitCode()).isZero();

        Processes.Result r = tracker.getcert("request", "-c", "local", "-d", db.toString(), "-n", "old", "-I", "old", "-w");

        assertThat(r.exitCode()).isEqualTo(4);
        assertThat(tracker.listOf("old")).contains("\tstatus: NEED_GUIDANCE\n\tca-error: the NSS database in " + db
                + " is in the legacy dbm format").contains("\tstuck: yes\n");
        assertThat(db.resolve("cert9.db")).doesNotExist();
        Processes.Result prefixed = tracker.getcert("request", "-c", "local", "-d", "dbm:" + db, "-n", "old2");
        assertThat(prefixed.exitCode()).isNotZero();
        assertThat(prefixed.stderr()).contains("only the sql: format");
    }

    @Test
    void missingDatabase_isAClearError_atRequestTime_andWhenItDisappearsLater() throws Exception {
        Processes.Result r = tracker.getcert("request", "-c", "local", "-d", dir.resolve("absent").toString(), "-n", "x");
        assertThat(r.exitCode()).isNotZero();
        assertThat(r.stderr()).contains("Path \"" + dir.resolve("absent") + "\" is not a directory.");

        Path db = newDatabase("vanishing", null);
        assertThat(tracker.getcert("request", "-c", "local", "-d", "sql:" + db, "-n", "v", "-I", "vanish", "-w")
                .exitCode()).isZero();
        try (var files = Files.walk(db)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }

        Processes.Result again = tracker.getcert("resubmit", "-i", "vanish", "-w");

        assertThat(again.exitCode()).isEqualTo(4);
        assertThat(tracker.listOf("vanish")).contains("\tstatus: NEED_GUIDANCE\n\tca-error: the NSS database directory "
                + db + " does not exist").contains("\tstuck: yes\n");
    }
}
