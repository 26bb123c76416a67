package org.brevet.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Security;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.brevet.testkit.ProcessResult;
import org.brevet.testkit.ProcessRunner;
import org.brevet.tracker.api.Command;
import org.brevet.tracker.api.Reply;
import org.brevet.tracker.api.RequestInfo;
import org.brevet.tracker.api.RequestState;
import org.brevet.tracker.api.TrackerJson;
import picocli.CommandLine.Option;

/**
 * The tracker at scale, through the real daemon ({@code bin/brevet-tracker}) and its control socket:
 * <ol>
 * <li>{@code --tracked} certificates (PEM files) are put under tracking, then the daemon is restarted:
 *     start time until it answers {@code list} with all of them, resident memory, CPU while idle, and the
 *     latency of {@code list} (over the socket, and the real {@code bin/getcert list} command);</li>
 * <li>a renewal storm against a real Brevet CA ({@code bin/brevet serve}, reached through the
 *     {@code bin/brevet-submit} certmonger helper): {@code --storm} certificates are requested under a
 *     30-day profile, the profile is changed to 90 days, and the daemon's clock is moved so that every
 *     30-day certificate is inside its renewal window at once; reported: time until all carry a renewed
 *     (90-day) certificate and are MONITORING again, and the most submissions seen in flight at once
 *     against {@code tracker.max_parallel_submissions}.</li>
 * </ol>
 */
@picocli.CommandLine.Command(name = "tracker", mixinStandardHelpOptions = true,
        description = "Tracker at scale: start time, memory, idle CPU and list latency with many tracked certificates; a renewal storm against a Brevet CA.")
final class TrackerScenario implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TrackerJson WIRE = new TrackerJson();
    private static final Duration RENEW_WINDOW = Duration.ofDays(7);

    @Option(names = "--tracked", defaultValue = "10000", description = "certificates tracked for the start/memory/list figures (default ${DEFAULT-VALUE})")
    int tracked;

    @Option(names = "--storm", defaultValue = "1000", description = "certificates renewed at once (0: skip the storm; default ${DEFAULT-VALUE})")
    int storm;

    @Option(names = "--parallel", defaultValue = "8", description = "tracker.max_parallel_submissions (default ${DEFAULT-VALUE})")
    int parallel;

    @Option(names = "--certmonger", defaultValue = "100",
            description = "certificates certmonger enrolls through the same helper and CA, for comparison (0: skip; default ${DEFAULT-VALUE})")
    int certmonger;

    @Option(names = "--idle-seconds", defaultValue = "30", description = "idle window for the CPU figure (default ${DEFAULT-VALUE})")
    int idleSeconds;

    @Override
    public Integer call() throws Exception {
        if (Security.getProvider("BC") == null) {
            Security.addProvider(new BouncyCastleProvider());
        }
        Path bin = Path.of(System.getProperty("brevet.home", "."), "bin");
        Path scratch = Files.createTempDirectory("brevet-bench-tracker-");
        List<String> result = new ArrayList<>(List.of("RESULT scenario=tracker"));
        try {
            if (tracked > 0) {
                result.add(scale(bin, scratch.resolve("scale")));
            }
            if (storm > 0) {
                result.add(storm(bin, scratch.resolve("storm")));
            }
            System.out.println(String.join(" ", result));
            return 0;
        } finally {
            IssueScenario.deleteRecursively(scratch);
        }
    }

    private String config() {
        return "[defaults]\nnotification_method = stdout\nenroll_ttls = " + RENEW_WINDOW.toDays() + "d\nnotify_ttls = "
                + RENEW_WINDOW.toDays() + "d\n[tracker]\nmax_parallel_submissions = " + parallel + "\n";
    }

    private String scale(Path bin, Path dir) throws Exception {
        List<TrackedFiles.Pair> files = TrackedFiles.write(dir.resolve("certs"), tracked);
        long addStart = System.nanoTime();
        try (TrackerProcess daemon = TrackerProcess.start(bin.resolve("brevet-tracker"), dir.resolve("tracker"), config())) {
            for (int i = 0; i < files.size(); i++) {
                ObjectNode spec = JSON.createObjectNode().put("id", String.format(Locale.ROOT, "bench-%06d", i));
                spec.putObject("keyStorage").put("type", "FILE").put("location", files.get(i).key().toString());
                spec.putObject("certStorage").put("type", "FILE").put("location", files.get(i).certificate().toString());
                ObjectNode command = JSON.createObjectNode().put("command", "start-tracking");
                command.set("spec", spec);
                expectOk(daemon.send(WIRE.decodeCommand(JSON.writeValueAsString(command))));
            }
            double addSeconds = (System.nanoTime() - addStart) / 1e9;
            awaitAll(daemon, tracked, r -> r.state() == RequestState.MONITORING, Duration.ofMinutes(10));
            System.out.printf(Locale.ROOT, "tracker: %d certificates put under tracking in %.1f s (%.0f/s over the socket)%n",
                    tracked, addSeconds, tracked / addSeconds);
        }
        long restart = System.nanoTime();
        try (TrackerProcess daemon = TrackerProcess.start(bin.resolve("brevet-tracker"), dir.resolve("tracker"), config())) {
            double startSeconds = (System.nanoTime() - restart) / 1e9;
            if (daemon.list().size() != tracked) {
                throw new IllegalStateException("after a restart the daemon lists " + daemon.list().size() + " requests");
            }
            TimeUnit.SECONDS.sleep(5);
            long rss = daemon.residentKib();
            double cpu0 = daemon.cpuSeconds();
            TimeUnit.SECONDS.sleep(idleSeconds);
            double idleCpu = (daemon.cpuSeconds() - cpu0) / idleSeconds;
            double[] socketList = new double[5];
            for (int i = 0; i < socketList.length; i++) {
                long t = System.nanoTime();
                daemon.list();
                socketList[i] = (System.nanoTime() - t) / 1e6;
            }
            double[] getcertList = new double[3];
            ProcessRunner sh = ProcessRunner.in(dir).timeout(Duration.ofMinutes(2));
            int lines = 0;
            for (int i = 0; i < getcertList.length; i++) {
                long t = System.nanoTime();
                String out = sh.run(bin.resolve("getcert").toString(), "list", "--socket", daemon.socket().toString())
                        .assertSuccess().stdout();
                getcertList[i] = (System.nanoTime() - t) / 1e6;
                lines = out.split("\n").length;
            }
            System.out.printf(Locale.ROOT, "tracker: %d tracked: restart until list answers %.2f s, RSS %.0f MiB, idle CPU %.2f%% "
                    + "of a core, list over the socket %.0f ms (median), `getcert list` %.0f ms (median, %d lines, JVM start included)%n",
                    tracked, startSeconds, rss / 1024.0, idleCpu * 100, median(socketList), median(getcertList), lines);
            return String.format(Locale.ROOT, "tracked=%d start_s=%.2f rss_mib=%.0f idle_cpu_pct=%.2f list_socket_ms=%.0f getcert_list_ms=%.0f",
                    tracked, startSeconds, rss / 1024.0, idleCpu * 100, median(socketList), median(getcertList));
        }
    }

    private String storm(Path bin, Path dir) throws Exception {
        Files.createDirectories(dir);
        try (CaServerProcess ca = new CaServerProcess(bin.resolve("brevet"), dir.resolve("instance"))) {
            ca.init("ec:p256", List.of());
            ca.start("-Xms512m -Xmx512m");
            ProcessRunner sh = ProcessRunner.in(dir).timeout(Duration.ofMinutes(2));
            String instance = dir.resolve("instance").toString();
            Path profile = Files.writeString(dir.resolve("benchStorm.yaml"), stormProfile(30));
            sh.run(bin.resolve("brevet").toString(), "profile", "add", "--file", profile.toString(), "--instance", instance)
                    .assertSuccess();
            try (TrackerProcess daemon = TrackerProcess.start(bin.resolve("brevet-tracker"), dir.resolve("tracker"), config())) {
                expectOk(daemon.send(new Command.AddCa("Brevet", bin.resolve("brevet-submit") + " --instance " + instance
                        + " --profile benchStorm")));
                long enrollStart = System.nanoTime();
                for (int i = 0; i < storm; i++) {
                    String host = "storm" + i + ".bench.example";
                    ObjectNode spec = JSON.createObjectNode().put("id", String.format(Locale.ROOT, "storm-%05d", i))
                            .put("caName", "Brevet").put("keyType", "EC").put("subject", "CN=" + host).put("profile", "benchStorm");
                    spec.putArray("dns").add(host);
                    spec.putObject("keyStorage").put("type", "FILE").put("location", dir.resolve(host + ".key").toString());
                    spec.putObject("certStorage").put("type", "FILE").put("location", dir.resolve(host + ".crt").toString());
                    ObjectNode command = JSON.createObjectNode().put("command", "request");
                    command.set("spec", spec);
                    expectOk(daemon.send(WIRE.decodeCommand(JSON.writeValueAsString(command))));
                }
                int[] inFlight = {0};
                List<RequestInfo> first = awaitAll(daemon, storm, r -> r.state() == RequestState.MONITORING,
                        Duration.ofMinutes(60), inFlight);
                double enrollSeconds = (System.nanoTime() - enrollStart) / 1e9;
                Instant lastExpiry = first.stream().map(RequestInfo::notAfter).max(Instant::compareTo).orElseThrow();
                Files.writeString(profile, stormProfile(90));
                sh.run(bin.resolve("brevet").toString(), "profile", "modify", "benchStorm", "--file", profile.toString(),
                        "--instance", instance).assertSuccess();
                Instant renewedAfter = lastExpiry.plus(Duration.ofDays(30));
                long renewStart = System.nanoTime();
                // the daemon's "now" becomes one hour past the point where the last 30-day certificate entered its window
                daemon.offsetClock(Duration.between(Instant.now(), lastExpiry.minus(RENEW_WINDOW).plus(Duration.ofHours(1))).getSeconds());
                int[] renewInFlight = {0};
                awaitAll(daemon, storm, r -> r.state() == RequestState.MONITORING && r.notAfter() != null
                        && r.notAfter().isAfter(renewedAfter), Duration.ofMinutes(60), renewInFlight);
                double renewSeconds = (System.nanoTime() - renewStart) / 1e9;
                System.out.printf(Locale.ROOT, "tracker: storm of %d against a Brevet CA via brevet-submit (max_parallel_submissions=%d): "
                        + "first enrollment %.1f s (%.1f/s, at most %d helpers running at once), all renewed and MONITORING %.1f s after they "
                        + "fell due (%.1f/s, at most %d helpers running at once)%n", storm, parallel, enrollSeconds, storm / enrollSeconds,
                        inFlight[0], renewSeconds, storm / renewSeconds, renewInFlight[0]);
                String figures = String.format(Locale.ROOT, "storm=%d parallel=%d enroll_s=%.1f renew_s=%.1f renew_per_s=%.1f "
                        + "max_helpers_running=%d", storm, parallel, enrollSeconds, renewSeconds, storm / renewSeconds,
                        Math.max(inFlight[0], renewInFlight[0]));
                if (certmonger > 0) {
                    figures += " " + certmonger(bin, dir, instance, storm / enrollSeconds);
                }
                return figures;
            }
        }
    }

    /** certmonger 0.79 enrolling through the same helper (a process per operation) from the same CA. */
    private String certmonger(Path bin, Path dir, String instance, double trackerRate) throws Exception {
        try (CertmongerDaemon cm = CertmongerDaemon.start(dir.resolve("certmonger"))) {
            cm.getcert("add-ca", "-c", "Brevet", "-e", bin.resolve("brevet-submit") + " --instance " + instance
                    + " --profile benchStorm").assertSuccess();
            long start = System.nanoTime();
            int busyRefusals = 0;
            for (int i = 0; i < certmonger; i++) {
                String host = "cm" + i + ".bench.example";
                for (int attempt = 1; ; attempt++) {
                    ProcessResult r = cm.getcert("request", "-c", "Brevet", "-I", "cm-" + i, "-G", "EC", "-g", "256",
                            "-N", "CN=" + host, "-D", host, "-k", dir.resolve(host + ".key").toString(),
                            "-f", dir.resolve(host + ".crt").toString());
                    // a busy certmonger does not answer D-Bus in time and getcert gives up; it may still have
                    // added the request, which the next attempt then finds
                    if (attempt > 1 && r.stdout().contains("already a request with the nickname")) {
                        break;
                    }
                    if (r.isSuccess() || !r.stdout().contains("still running") || attempt == 60) {
                        r.assertSuccess();
                        break;
                    }
                    busyRefusals++;
                    TimeUnit.SECONDS.sleep(1);
                }
            }
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(60);
            while (cm.monitoring() < certmonger) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("certmonger did not reach MONITORING for all " + certmonger + " requests");
                }
                TimeUnit.MILLISECONDS.sleep(500);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf(Locale.ROOT, "certmonger: %d certificates through the same helper (a process each) and CA in %.1f s "
                    + "(%.2f/s; the tracker's first enrollment ran at %.2f/s); getcert request timed out on a busy daemon %d times%n",
                    certmonger, seconds, certmonger / seconds, trackerRate, busyRefusals);
            return String.format(Locale.ROOT, "certmonger_n=%d certmonger_enroll_per_s=%.2f tracker_enroll_per_s=%.2f",
                    certmonger, certmonger / seconds, trackerRate);
        }
    }

    private static String stormProfile(int days) {
        return """
                id: benchStorm
                name: Benchmark server certificates
                description: caECServerCert with a validity the renewal storm benchmark changes.
                enabled: true
                visible: true
                approval: agent
                policy:
                  keyTypes:
                    - type: ec
                      curves: [p256]
                  subjectPattern: ".*CN=.*"
                  subjectAltNames:
                    - type: dns
                  maxValidityDays: 720
                defaults:
                  validityDays: %d
                  keyUsage:
                    usages: [digitalSignature, keyAgreement]
                  extendedKeyUsage:
                    usages: [serverAuth]
                  authorityKeyIdentifier: true
                  subjectAltNames:
                    fromCsr: true
                """.formatted(days);
    }

    private static List<RequestInfo> awaitAll(TrackerProcess daemon, int count, Predicate<RequestInfo> done, Duration limit,
            int... maxInFlight) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (true) {
            List<RequestInfo> all = daemon.list();
            if (maxInFlight.length > 0) {
                maxInFlight[0] = Math.max(maxInFlight[0], daemon.runningHelpers());
            }
            if (all.size() == count && all.stream().allMatch(done)) {
                return all;
            }
            List<RequestInfo> stuck = all.stream().filter(r -> r.state() == RequestState.CA_REJECTED
                    || r.state() == RequestState.CA_UNREACHABLE || r.state() == RequestState.NEED_GUIDANCE).toList();
            if (!stuck.isEmpty()) {
                throw new IllegalStateException(stuck.size() + " requests failed, e.g. " + stuck.get(0).id() + " "
                        + stuck.get(0).state() + ": " + stuck.get(0).caError());
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("not all " + count + " requests done within " + limit);
            }
            TimeUnit.MILLISECONDS.sleep(250);
        }
    }

    private static void expectOk(Reply r) {
        if (!r.isOk()) {
            throw new IllegalStateException("the tracker refused: " + r.message());
        }
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
