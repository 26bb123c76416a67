package org.brevet.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.brevet.testkit.ProcessResult;
import org.brevet.testkit.ProcessRunner;

/**
 * The real certmonger daemon (Debian's package) run without systemd, as ../shared/reference/certmonger.md
 * §10.1 shows: a private session D-Bus daemon on a Unix socket in a scratch directory, certmonger in the
 * foreground on it with every directory it writes redirected there, and certmonger's own {@code getcert}
 * talking to it with {@code -s}. Nothing is bound to a network address.
 */
final class CertmongerDaemon implements AutoCloseable {
    private static final String BUS_CONFIG = """
            <!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
             "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
            <busconfig>
              <type>session</type>
              <listen>unix:path=%s</listen>
              <auth>EXTERNAL</auth>
              <policy context="default">
                <allow send_destination="*" eavesdrop="true"/><allow eavesdrop="true"/><allow own="*"/>
              </policy>
            </busconfig>
            """;

    private final Path dir;
    private final ProcessRunner getcert;
    private final long busPid;
    private final Process certmonger;

    private CertmongerDaemon(Path dir, ProcessRunner getcert, long busPid, Process certmonger) {
        this.dir = dir;
        this.getcert = getcert;
        this.busPid = busPid;
        this.certmonger = certmonger;
    }

    static CertmongerDaemon start(Path dir) throws IOException, InterruptedException {
        for (String sub : List.of("requests", "cas", "local", "tmp", "conf", "run")) {
            Files.createDirectories(dir.resolve(sub));
        }
        Path bus = dir.resolve("run/bus.sock");
        Files.writeString(dir.resolve("bus.conf"), BUS_CONFIG.formatted(bus));
        ProcessRunner sh = ProcessRunner.in(dir).timeout(Duration.ofMinutes(2));
        ProcessResult started = sh.run("dbus-daemon", "--config-file=" + dir.resolve("bus.conf"), "--fork",
                "--print-address=1", "--print-pid=1").assertSuccess();
        String[] printed = started.stdout().strip().split("\n");
        long busPid = Long.parseLong(printed[printed.length - 1].strip());
        Map<String, String> env = Map.of("DBUS_SESSION_BUS_ADDRESS", "unix:path=" + bus,
                "CERTMONGER_REQUESTS_DIR", dir.resolve("requests").toString(),
                "CERTMONGER_CAS_DIR", dir.resolve("cas").toString(),
                "CERTMONGER_LOCAL_CA_DIR", dir.resolve("local").toString(),
                "CERTMONGER_TMPDIR", dir.resolve("tmp").toString(),
                "CERTMONGER_CONFIG_DIR", dir.resolve("conf").toString());
        ProcessBuilder pb = new ProcessBuilder("certmonger", "-s", "-n", "-p", dir.resolve("run/cm.pid").toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("run/cm.log").toFile());
        pb.environment().putAll(env);
        Process daemon = pb.start();
        ProcessRunner getcert = sh;
        for (Map.Entry<String, String> e : env.entrySet()) {
            getcert = getcert.env(e.getKey(), e.getValue());
        }
        CertmongerDaemon d = new CertmongerDaemon(dir, getcert, busPid, daemon);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!d.getcert("list-cas").isSuccess()) {
            if (!daemon.isAlive() || System.nanoTime() > deadline) {
                d.close();
                throw new IllegalStateException("certmonger did not come up:\n" + Files.readString(dir.resolve("run/cm.log")));
            }
            TimeUnit.MILLISECONDS.sleep(200);
        }
        return d;
    }

    /** certmonger's own {@code getcert COMMAND -s ARGS...}. */
    ProcessResult getcert(String command, String... args) {
        List<String> cmd = new ArrayList<>(List.of("getcert", command, "-s"));
        cmd.addAll(List.of(args));
        return getcert.run(cmd);
    }

    /** How many requests {@code getcert list} shows in MONITORING. */
    int monitoring() {
        String out = getcert("list").stdout();
        return (int) out.lines().filter(l -> l.strip().equals("status: MONITORING")).count();
    }

    @Override
    public void close() throws InterruptedException {
        certmonger.destroy();
        if (!certmonger.waitFor(30, TimeUnit.SECONDS)) {
            certmonger.destroyForcibly();
        }
        ProcessHandle.of(busPid).ifPresent(ProcessHandle::destroy);
    }
}
