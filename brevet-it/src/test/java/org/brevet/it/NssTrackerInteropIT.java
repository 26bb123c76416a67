package org.brevet.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Certificates in NSS databases against a real served Brevet CA, through the real launchers: Brevet's tracker
 * ({@code bin/brevet-tracker}, {@code bin/getcert -d -n}) enrolling through {@code bin/brevet-submit}; and the
 * real certmonger daemon (Debian package certmonger, run without systemd on a private socket as
 * certmonger.md §10.2 shows) enrolling into an NSS database through the same helper, after which Brevet's
 * tracker takes the certificate over in place. NSS's {@code certutil} checks the databases. Fails when
 * certutil or certmonger is missing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NssTrackerInteropIT {
    private static final String CERTMONGER = "/usr/sbin/certmonger";
    private static final String CERTMONGER_GETCERT = "/usr/bin/getcert";

    @TempDir
    static Path tmp;

    private ServedInstance ca;
    private Path caPem;
    private String helper;

    @BeforeAll
    void serve() throws IOException {
        ca = ServedInstance.init(tmp.resolve("ca")).start();
        caPem = ca.dir().resolve("certs/ca.pem");
        helper = Cli.launcher("brevet-submit") + " --instance " + ca.dir();
    }

    @AfterAll
    void stop() throws InterruptedException {
        if (ca != null) {
            ca.close();
        }
    }

    private static Cli.Result certutil(String... args) {
        List<String> cmd = new ArrayList<>(List.of("certutil"));
        cmd.addAll(List.of(args));
        return Cli.run(cmd, 60);
    }

    private static Path newDatabase(Path dir) throws IOException {
        Files.createDirectories(dir);
        certutil("-N", "-d", "sql:" + dir, "--empty-password").assertOk();
        return dir;
    }

    /** The certificate under {@code nickname}, verified by openssl against the Brevet CA; returns its serial line. */
    private String verifiedSerial(Path db, String nickname) throws IOException {
        String pem = certutil("-L", "-d", "sql:" + db, "-n", nickname, "-a").assertOk().stdout();
        assertThat(pem.split("BEGIN CERTIFICATE", -1)).as("one certificate under " + nickname).hasSize(2);
        Path file = Files.writeString(db.resolveSibling(db.getFileName() + "-" + nickname + ".pem"), pem);
        assertThat(Cli.run(60, "openssl", "verify", "-CAfile", caPem.toString(), file.toString()).assertOk().stdout())
                .contains(": OK");
        return Cli.run(60, "openssl", "x509", "-in", file.toString(), "-noout", "-serial").assertOk().stdout().trim();
    }

    @Test
    void brevetTracker_requestIntoAnNssDatabase_throughBrevetSubmit_reachesMonitoring_andRenewsInPlace() throws Exception {
        Path db = newDatabase(tmp.resolve("nss-brevet"));
        try (TrackerDaemon daemon = TrackerDaemon.start(tmp.resolve("trk1"))) {
            daemon.getcert("add-ca", "-c", "Brevet", "-e", helper).assertOk();

            Cli.Result req = daemon.getcert("request", "-c", "Brevet", "-T", "caServerCert", "-d", "sql:" + db,
                    "-n", "Server-Cert", "-I", "nss1", "-N", "CN=nss1.example.test", "-D", "nss1.example.test", "-w");

            assertThat(req.exitCode()).as(req.stdout() + req.stderr() + daemon.log()).isZero();
            assertThat(daemon.getcert("list", "-i", "nss1").assertOk().stdout()).contains("\tstatus: MONITORING\n",
                    "\tcertificate: type=NSSDB,location='sql:" + db + "',nickname='Server-Cert',token='NSS Certificate DB'\n",
                    "\tissuer: CN=Certificate Authority,O=Brevet\n", "\tsubject: CN=nss1.example.test\n");
            String first = verifiedSerial(db, "Server-Cert");
            assertThat(certutil("-K", "-d", "sql:" + db).assertOk().stdout()).contains("NSS Certificate DB:Server-Cert");

            Cli.Result again = daemon.getcert("resubmit", "-i", "nss1", "-w");

            assertThat(again.exitCode()).as(again.stdout() + again.stderr() + daemon.log()).isZero();
            assertThat(verifiedSerial(db, "Server-Cert")).isNotEqualTo(first);
        }
    }

    @Test
    void realCertmonger_enrollsIntoAnNssDatabase_throughBrevetSubmit_thenBrevetTrackerTakesItOver() throws Exception {
        Path db = newDatabase(tmp.resolve("nss-certmonger"));
        Path cm = tmp.resolve("cm");
        for (String d : List.of("requests", "cas", "local", "tmp", "conf")) {
            Files.createDirectories(cm.resolve(d));
        }
        Path socket = cm.resolve("pvt.sock");
        ProcessBuilder pb = new ProcessBuilder(CERTMONGER, "-s", "-L", "-P", socket.toString(), "-n", "-d", "2")
                .redirectErrorStream(true).redirectOutput(cm.resolve("cm.log").toFile());
        Map<String, String> env = pb.environment();
        env.remove("DBUS_SESSION_BUS_ADDRESS");
        env.putAll(Map.of("CERTMONGER_SYSTEM_LOCK_FILE", cm.resolve("lock").toString(),
                "CERTMONGER_REQUESTS_DIR", cm.resolve("requests").toString(), "CERTMONGER_CAS_DIR", cm.resolve("cas").toString(),
                "CERTMONGER_LOCAL_CA_DIR", cm.resolve("local").toString(), "CERTMONGER_TMPDIR", cm.resolve("tmp").toString(),
                "CERTMONGER_CONFIG_DIR", cm.resolve("conf").toString()));
        Process certmonger = pb.start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!Files.exists(socket)) {
                assertThat(certmonger.isAlive()).as("certmonger exited: " + Files.readString(cm.resolve("cm.log"))).isTrue();
                assertThat(System.nanoTime()).as("certmonger's socket").isLessThan(deadline);
                certmonger.waitFor(100, TimeUnit.MILLISECONDS);
            }
            Map<String, String> pvt = Map.of("CERTMONGER_PVT_ADDRESS", "unix:path=" + socket);

            Cli.helper(List.of(CERTMONGER_GETCERT, "add-ca", "-c", "Brevet", "-e", helper), pvt).assertOk();
            Cli.Result req = Cli.helper(List.of(CERTMONGER_GETCERT, "request", "-c", "Brevet", "-T", "caServerCert",
                    "-d", "sql:" + db, "-n", "CmCert", "-I", "cm1", "-N", "CN=cm1.example.test", "-D", "cm1.example.test",
                    "-w", "--wait-timeout", "120"), pvt);

            String cmList = Cli.helper(List.of(CERTMONGER_GETCERT, "list", "-i", "cm1"), pvt).stdout();
            assertThat(req.exitCode()).as(req.stdout() + req.stderr() + cmList + Files.readString(cm.resolve("cm.log")))
                    .isZero();
            assertThat(cmList).contains("status: MONITORING", "nickname='CmCert'", "subject: CN=cm1.example.test");
            String certmongers = verifiedSerial(db, "CmCert");
            Cli.helper(List.of(CERTMONGER_GETCERT, "stop-tracking", "-i", "cm1"), pvt).assertOk();

            try (TrackerDaemon daemon = TrackerDaemon.start(tmp.resolve("trk2"))) {
                daemon.getcert("add-ca", "-c", "Brevet", "-e", helper).assertOk();
                Cli.Result track = daemon.getcert("start-tracking", "-d", "sql:" + db, "-n", "CmCert",
                        "-t", "NSS Certificate DB", "-c", "Brevet", "-T", "caServerCert", "-I", "taken", "-w");
                assertThat(track.exitCode()).as(track.stdout() + track.stderr() + daemon.log()).isZero();
                assertThat(daemon.getcert("list", "-i", "taken").assertOk().stdout())
                        .contains("\tstatus: MONITORING\n", "\tsubject: CN=cm1.example.test\n");
                assertThat(verifiedSerial(db, "CmCert")).isEqualTo(certmongers);

                Cli.Result renew = daemon.getcert("resubmit", "-i", "taken", "-w");

                assertThat(renew.exitCode()).as(renew.stdout() + renew.stderr() + daemon.log()).isZero();
                assertThat(verifiedSerial(db, "CmCert")).isNotEqualTo(certmongers);
            }
        } finally {
            certmonger.destroy();
            certmonger.waitFor(30, TimeUnit.SECONDS);
        }
    }
}
