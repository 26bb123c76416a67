package org.brevet.getcert;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** Runs real programs for the end-to-end tests: getcert and the daemon on this JVM's class path, and openssl. */
final class Processes {
    static final Duration TIMEOUT = Duration.ofSeconds(60);

    record Result(int exitCode, String stdout, String stderr) {
    }

    private Processes() {
    }

    static List<String> java(String mainClass, String... args) {
        return javaWith(List.of(), mainClass, args);
    }

    static List<String> javaWith(List<String> jvmOptions, String mainClass, String... args) {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path")));
        cmd.addAll(jvmOptions);
        cmd.add(mainClass);
        cmd.addAll(List.of(args));
        return cmd;
    }

    static Result run(List<String> command, Map<String, String> env) {
        try {
            ProcessBuilder pb = new ProcessBuilder(command);
            pb.environment().putAll(env);
            Process p = pb.start();
            p.getOutputStream().close();
            var out = p.getInputStream();
            var err = p.getErrorStream();
            var outText = new java.util.concurrent.CompletableFuture<String>();
            var errText = new java.util.concurrent.CompletableFuture<String>();
            Thread t1 = new Thread(() -> outText.complete(readAll(out)));
            Thread t2 = new Thread(() -> errText.complete(readAll(err)));
            t1.start();
            t2.start();
            if (!p.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("timed out: " + command);
            }
            return new Result(p.exitValue(), outText.get(), errText.get());
        } catch (IOException | InterruptedException | java.util.concurrent.ExecutionException e) {
            throw new AssertionError("cannot run " + command, e);
        }
    }

    static Result openssl(String... args) {
        List<String> cmd = new ArrayList<>(List.of("openssl"));
        cmd.addAll(List.of(args));
        return run(cmd, Map.of());
    }

    /** Repeats {@code probe} until {@code done} accepts its result, at most {@code limit}; each probe is a process run. */
    static <T> T until(java.util.function.Supplier<T> probe, Predicate<T> done, Duration limit, String what) {
        Instant deadline = Instant.now().plus(limit);
        T last = probe.get();
        while (!done.test(last)) {
            assertThat(Instant.now()).as("waiting for " + what + "; last seen:\n" + last).isBefore(deadline);
            last = probe.get();
        }
        return last;
    }

    private static String readAll(java.io.InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
