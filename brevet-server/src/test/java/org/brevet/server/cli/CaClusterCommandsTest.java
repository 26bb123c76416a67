package org.brevet.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.brevet.server.BrevetServer;
import org.brevet.server.InstanceLayout;
import org.brevet.testkit.PostgresFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ca status}, {@code ca demote} and {@code ca promote} against a served instance on PostgreSQL. */
class CaClusterCommandsTest {
    @TempDir
    Path dir;

    @Test
    void status_showsTheServingNodeAsMaster_demoteMakesItStandby_promoteMakesItMasterAgain() throws Exception {
        PostgresFixture.Database db = PostgresFixture.shared().createDatabase();
        Path instance = dir.resolve("ca");
        Run init = Run.of(new CaCommand(), "init", "--instance", instance.toString(), "--key", "ec:p256",
                "--bind", "127.0.0.1", "--https-port", "0", "--http-port", "0", "--db-url", db.jdbcUrl(),
                "--db-user", db.user());
        assertThat(init.exitCode()).as(init.err()).isZero();
        Path conf = InstanceLayout.of(instance).configFile();
        Files.writeString(conf, Files.readString(conf).replace("cluster.lease.seconds = 30", "cluster.lease.seconds = 2")
                .replace("cluster.heartbeat.seconds = 5", "cluster.heartbeat.seconds = 1"));

        assertThat(status(instance)).contains("CRL master lease: never taken").contains("CRL number: none yet");
        try (BrevetServer server = BrevetServer.start(InstanceLayout.of(instance), Clock.systemUTC(), new SecureRandom())) {
            String serving = await(instance, s -> role(s).equals("master") && s.contains("CRL number: 1 "));
            assertThat(serving).contains("CRL master lease: localhost:0 (term 1");

            Run demote = Run.of(new CaCommand(), "demote", "--instance", instance.toString());
            assertThat(demote.exitCode()).as(demote.err()).isZero();
            assertThat(demote.out()).isEqualTo("node localhost:0 is a standby\n");
            await(instance, s -> role(s).equals("standby"));

            Run promote = Run.of(new CaCommand(), "promote", "--instance", instance.toString());
            assertThat(promote.exitCode()).as(promote.err()).isZero();
            assertThat(promote.out()).startsWith("node localhost:0 is the CRL master (term ");
            await(instance, s -> role(s).equals("master"));
        }
    }

    @Test
    void promote_ofAMissingInstance_isOneLine_exit2() {
        Run run = Run.of(new CaCommand(), "promote", "--instance", dir.resolve("none").toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).isEqualTo("brevet: no instance at " + dir.resolve("none") + "\n");
    }

    /** The ROLE column of the node's line. */
    private static String role(String status) {
        return status.lines().filter(l -> l.startsWith("localhost:0 ")).map(l -> l.split("\\s+")[1]).findFirst().orElse("");
    }

    private static String status(Path instance) {
        Run run = Run.of(new CaCommand(), "status", "--instance", instance.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        return run.out();
    }

    private static String await(Path instance, Predicate<String> condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        String last = "";
        while (System.nanoTime() < deadline) {
            last = status(instance);
            if (condition.test(last)) {
                return last;
            }
            TimeUnit.MILLISECONDS.sleep(200);
        }
        throw new AssertionError("condition not met within 30 s; last status:\n" + last);
    }
}
