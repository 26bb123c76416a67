package org.brevet.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.brevet.ca.api.CertificateRecord;
import org.brevet.ca.api.RequestId;
import org.brevet.ca.api.RequestStatus;
import org.brevet.ca.api.store.Repositories;
import org.brevet.pki.SerialNumber;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A certificate whose commit returned is in the database after {@code kill -9} of the process that
 * committed it. A child JVM issues certificates and prints each one after its commit; it is killed with
 * SIGKILL ({@link Process#destroyForcibly()} on Linux) in the middle of that loop, then the database is
 * reopened and every printed certificate must be there, byte for byte, with its completed request.
 */
abstract class CrashDurabilityContract {
    private static final int COMMITS_BEFORE_KILL = 300;
    private static final long TIMEOUT_SECONDS = 120;
    private static final String END = "\u0000end";

    @TempDir
    Path workDir;

    /** The database the child writes to (created empty). */
    abstract DatabaseConfig database();

    @Test
    void kill9_afterCommits_everyPrintedCertificateIsStored() throws Exception {
        DatabaseConfig config = database();
        Path childErrors = workDir.resolve("child-stderr.txt");
        ProcessBuilder builder = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                CommittingChild.class.getName(), config.jdbcUrl(), config.user())
                .redirectError(childErrors.toFile());
        builder.environment().put(CommittingChild.PASSWORD_VARIABLE, config.password().reveal());
        Process child = builder.start();
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = startReader(child, lines);

        List<String> committed = new ArrayList<>();
        try {
            while (committed.size() < COMMITS_BEFORE_KILL) {
                String line = lines.poll(TIMEOUT_SECONDS, TimeUnit.SECONDS);
                assertThat(line).as("child output (stderr: %s)", childErrors).isNotNull().isNotEqualTo(END);
                if (line.startsWith("committed ")) {
                    committed.add(line);
                }
            }
        } finally {
            child.destroyForcibly();
        }
        assertThat(child.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)).isTrue();
        assertThat(child.exitValue()).as("killed by SIGKILL").isEqualTo(137);
        // whatever the child printed before it died counts too
        for (String line = lines.poll(TIMEOUT_SECONDS, TimeUnit.SECONDS); !END.equals(line);
                line = lines.poll(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            assertThat(line).as("child stdout closed").isNotNull();
            if (line.startsWith("committed ")) {
                committed.add(line);
            }
        }
        reader.join(TimeUnit.SECONDS.toMillis(TIMEOUT_SECONDS));

        try (JdbcStore reopened = JdbcStore.open(config)) {
            assertAllStored(reopened.repositories(), committed);
        }
    }

    private static void assertAllStored(Repositories repos, List<String> committed) {
        assertThat(committed).hasSizeGreaterThanOrEqualTo(COMMITS_BEFORE_KILL);
        for (String line : committed) {
            String[] parts = line.split(" ");
            SerialNumber serial = SerialNumber.parse(parts[1]);
            RequestId requestId = RequestId.parse(parts[2]);
            CertificateRecord stored = repos.certificates().find(serial).orElse(null);
            assertThat(stored).as("certificate %s printed as committed", serial).isNotNull();
            assertThat(stored.der()).isEqualTo(CommittingChild.derOf(serial));
            assertThat(repos.requests().find(requestId)).hasValueSatisfying(r -> {
                assertThat(r.status()).isEqualTo(RequestStatus.COMPLETE);
                assertThat(r.serial()).contains(serial);
            });
        }
    }

    private static Thread startReader(Process child, BlockingQueue<String> lines) {
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(
                    new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    lines.add(line);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                lines.add(END);
            }
        }, "child-stdout");
        reader.setDaemon(true);
        reader.start();
        return reader;
    }

}
