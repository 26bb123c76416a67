package org.brevet.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * Runs an external program for a test and captures its output. Immutable: {@code in}, {@code env},
 * {@code stdin} and {@code timeout} return a new runner. A program that is not installed fails the test
 * (never skips it); one that outlives its timeout is killed and fails the test.
 */
public final class ProcessRunner {
    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

    private final Path directory;
    private final Map<String, String> environment;
    private final byte[] stdin;
    private final Duration timeout;

    private ProcessRunner(Path directory, Map<String, String> environment, byte[] stdin, Duration timeout) {
        this.directory = directory;
        this.environment = Map.copyOf(environment);
        this.stdin = stdin;
        this.timeout = timeout;
    }

    /** A runner working in {@code directory}, with the inherited environment, no input and a 60 s timeout. */
    public static ProcessRunner in(Path directory) {
        return new ProcessRunner(Objects.requireNonNull(directory, "directory"), Map.of(), new byte[0], DEFAULT_TIMEOUT);
    }

    /** Adds an environment variable. */
    public ProcessRunner env(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(environment);
        copy.put(name, value);
        return new ProcessRunner(directory, copy, stdin, timeout);
    }

    public ProcessRunner stdin(String text) {
        return new ProcessRunner(directory, environment, text.getBytes(StandardCharsets.UTF_8), timeout);
    }

    public ProcessRunner timeout(Duration timeout) {
        return new ProcessRunner(directory, environment, stdin, timeout);
    }

    public Path directory() {
        return directory;
    }

    public ProcessResult run(String... command) {
        return run(List.of(command));
    }

    /** Runs the command to completion; output is captured through files, so large outputs never block. */
    public ProcessResult run(List<String> command) {
        try {
            Path out = Files.createTempFile(directory, ".proc", ".out");
            Path err = Files.createTempFile(directory, ".proc", ".err");
            Path in = Files.createTempFile(directory, ".proc", ".in");
            try {
                Files.write(in, stdin);
                ProcessBuilder pb = new ProcessBuilder(new ArrayList<>(command)).directory(directory.toFile())
                        .redirectInput(in.toFile()).redirectOutput(out.toFile()).redirectError(err.toFile());
                pb.environment().putAll(environment);
                Process p = start(pb, command);
                if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                    p.destroyForcibly();
                    p.waitFor(10, TimeUnit.SECONDS);
                    throw new AssertionError(String.join(" ", command) + " did not finish within " + timeout);
                }
                return new ProcessResult(command, p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                        Files.readString(err, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
                Files.deleteIfExists(in);
            }
        } catch (IOException e) {
            throw new AssertionError("cannot run " + command + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while running " + command, e);
        }
    }

    private static Process start(ProcessBuilder pb, List<String> command) {
        try {
            return pb.start();
        } catch (IOException e) {
            throw new AssertionError(command.get(0) + " is not installed or not executable (" + e.getMessage()
                    + "); install it, tests do not skip when a tool is missing", e);
        }
    }

    /** Reads a stream fully (for processes a test starts itself and keeps running). */
    public static String readAll(InputStream in) throws IOException {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
}
