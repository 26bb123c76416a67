package org.brevet.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A certificate's life with the real launchers: a Brevet CA ({@code bin/brevet serve}), the tracker daemon
 * and {@code bin/getcert}, through {@code bin/brevet-submit}. The daemon's clock is moved with its test
 * hook; the CA keeps real time, so each phase gives the profile a longer validity than the clock has
 * moved, and the certificate it issues is not itself due at once.
 */
class TrackerLifecycleIT {
    private static final String PROFILE = "lifeCycle";

    @TempDir
    Path tmp;

    @Test
    void request_renewal_caDown_caBack_kill9MidRenewal_nothingLost() throws Exception {
        try (ServedInstance ca = ServedInstance.init(tmp.resolve("ca")).start();
             TrackerDaemonHandle trk = new TrackerDaemonHandle(tmp.resolve("trk"))) {
            profile(ca, 30, false);
            Path cert = tmp.resolve("host.crt");
            Path key = tmp.resolve("host.key");
            Path postEnv = tmp.resolve("post.env");
            trk.daemon.getcert("add-ca", "-c", "Brevet", "-e", Cli.launcher("brevet-submit") + " --instance " + ca.dir()).assertOk();
            Cli.Result req = trk.daemon.getcert("request", "-c", "Brevet", "-T", PROFILE, "-I", "host", "-k", key.toString(),
                    "-f", cert.toString(), "-N", "CN=host.example.test", "-D", "host.example.test",
                    "-C", "/bin/sh -c 'env > " + postEnv + "'", "-w");
            assertThat(req.exitCode()).as(req.stdout() + req.stderr() + trk.daemon.log()).isZero();
            String first = serial(cert);
            verify(ca, cert);

            // renewal: a 30-day certificate renews in its last third (10 days): clock +25 days; the profile now
            // issues 720 days, so the renewed certificate is not due at the moved time
            profile(ca, 720, true);
            trk.daemon.setClockOffset(Duration.ofDays(25));
            String second = Await.until(() -> serial(cert), s -> !s.equals(first), Duration.ofSeconds(90), "a renewed certificate");
            monitoring(trk);
            verify(ca, cert);
            Await.until(() -> read(postEnv), e -> e.contains("BREVET_NEW_SERIAL="), Duration.ofSeconds(30), "the post-save command");
            assertThat(read(postEnv).toUpperCase()).contains("BREVET_OLD_SERIAL=" + first).contains("BREVET_NEW_SERIAL=" + second);

            // the CA goes away while the certificate falls due: CA_UNREACHABLE with the reason, old files kept
            profile(ca, 1000, true);
            ca.kill();
            trk.daemon.setClockOffset(Duration.ofDays(700));
            String down = Await.until(() -> trk.daemon.getcert("list", "-i", "host").stdout(),
                    l -> l.contains("status: CA_UNREACHABLE"), Duration.ofSeconds(90), "CA_UNREACHABLE");
            assertThat(down).contains("ca-error: ");
            assertThat(serial(cert)).isEqualTo(second);

            // the CA comes back: the next retry (back-off from one minute; the clock moves past it) renews
            ca.start();
            trk.daemon.setClockOffset(Duration.ofDays(700).plusMinutes(5));
            String third = Await.until(() -> serial(cert), s -> !s.equals(second), Duration.ofSeconds(90), "renewal after the CA returned");
            monitoring(trk);

            // kill -9 the daemon as the next renewal starts; a new daemon on the same state finishes it
            profile(ca, 1500, true);
            trk.daemon.setClockOffset(Duration.ofDays(980));
            Await.until(() -> trk.daemon.getcert("list", "-i", "host").stdout(),
                    l -> !l.contains("status: MONITORING") || !serial(cert).equals(third), Duration.ofSeconds(30),
                    "the renewal starting");
            trk.daemon.kill();
            trk.restart();
            Await.until(() -> serial(cert), s -> !s.equals(third), Duration.ofSeconds(120), "renewal finished after kill -9");
            monitoring(trk);
            verify(ca, cert);
            assertThat(Cli.run(30, "openssl", "pkey", "-in", key.toString(), "-noout").exitCode()).isZero();
        }
    }

    /** The profile under test: caServerCert's shape with the given validity (added, or modified in place). */
    private void profile(ServedInstance ca, int days, boolean modify) throws IOException {
        Path file = Files.writeString(tmp.resolve(PROFILE + ".yaml"), """
                id: %s
                name: Tracker life-cycle test
                description: server certificates whose validity the test changes between phases
                enabled: true
                visible: true
                approval: agent
                policy:
                  keyTypes:
                    - type: rsa
                      minSize: 2048
                    - type: ec
                      curves: [p256, p384]
                  subjectPattern: ".*CN=.*"
                  subjectAltNames:
                    - type: dns
                  maxValidityDays: 3650
                defaults:
                  validityDays: %d
                  keyUsage:
                    usages: [digitalSignature, keyEncipherment]
                  extendedKeyUsage:
                    usages: [serverAuth]
                  authorityKeyIdentifier: true
                  subjectAltNames:
                    fromCsr: true
                """.formatted(PROFILE, days));
        if (modify) {
            Cli.brevet("profile", "modify", PROFILE, "--file", file.toString(), "--instance", ca.dir().toString()).assertOk();
        } else {
            Cli.brevet("profile", "add", "--file", file.toString(), "--instance", ca.dir().toString()).assertOk();
        }
    }

    private void monitoring(TrackerDaemonHandle trk) {
        Await.until(() -> trk.daemon.getcert("list", "-i", "host").stdout(), l -> l.contains("status: MONITORING"),
                Duration.ofSeconds(60), "MONITORING");
    }

    private static void verify(ServedInstance ca, Path cert) {
        assertThat(Cli.run(30, "openssl", "verify", "-CAfile", ca.dir().resolve("certs/ca.pem").toString(), cert.toString())
                .assertOk().stdout()).contains(": OK");
    }

    private static String serial(Path cert) {
        if (!Files.exists(cert)) {
            return "";
        }
        return Cli.run(30, "openssl", "x509", "-in", cert.toString(), "-noout", "-serial").stdout().strip()
                .replace("serial=", "").replaceFirst("^0+", "").toUpperCase();
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            return "";
        }
    }

    /** The daemon, restartable on the same directory. */
    private static final class TrackerDaemonHandle implements AutoCloseable {
        private final Path dir;
        TrackerDaemon daemon;

        TrackerDaemonHandle(Path dir) throws IOException, InterruptedException {
            this.dir = dir;
            this.daemon = TrackerDaemon.start(dir);
        }

        void restart() throws IOException, InterruptedException {
            String offset = Files.readString(dir.resolve("clock-offset"));
            daemon = TrackerDaemon.start(dir);
            daemon.setClockOffset(Duration.ofSeconds(Long.parseLong(offset.strip())));
        }

        @Override
        public void close() throws InterruptedException {
            daemon.close();
        }
    }
}
