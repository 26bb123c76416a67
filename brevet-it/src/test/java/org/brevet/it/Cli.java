package org.brevet.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs a real command (a Brevet launcher, openssl, curl) with a bounded timeout and captures its output. */
final class Cli {
    record Result(int exitCode, String stdout, String stderr) {
        Result assertOk() {
            if (exitCode != 0) {
                throw new AssertionError("exit " + exitCode + "\nstdout: " + stdout + "\nstderr: " + stderr);
            }
            return this;
        }
    }

    static Path home() {
        return Path.of(System.getProperty("brevet.home", "../brevet-dist/target/brevet")).toAbsolutePath().normalize();
    }

    static Path launcher(String name) {
        Path p = home().resolve("bin").resolve(name);
        if (!Files.isExecutable(p)) {
            throw new AssertionError("launcher missing: " + p + " (run mvn package first)");
        }
        return p;
    }

    static Result brevet(String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(launcher("brevet").toString());
        cmd.addAll(Arrays.asList(args));
        return run(cmd, 120);
    }

    static Result run(List<String> command, int timeoutSeconds) {
        return run(command, Map.of(), timeoutSeconds);
    }

    /**
     * Runs a certmonger CA helper as certmonger does: the inherited {@code CERTMONGER_*} variables are
     * removed and {@code environment} set instead.
     */
    static Result helper(List<String> command, Map<String, String> environment) {
        return run(command, environment, 120);
    }

    private static Result run(List<String> command, Map<String, String> environment, int timeoutSeconds) {
        try {
            Path out = Files.createTempFile("it-out", ".txt");
            Path err = Files.createTempFile("it-err", ".txt");
            ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
            if (!environment.isEmpty()) {
                pb.environment().keySet().removeIf(k -> k.startsWith("CERTMONGER_"));
                pb.environment().putAll(environment);
            }
            Process p = pb.start();
            p.getOutputStream().close();
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("timed out after " + timeoutSeconds + " s: " + command);
            }
            Result r = new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
            return r;
        } catch (IOException e) {
            throw new AssertionError("cannot run " + command + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    static Result run(int timeoutSeconds, String... command) {
        return run(Arrays.asList(command), timeoutSeconds);
    }

    /**
     * An EC P-256 key and CSR made by openssl for {@code CN=<name>.example.com} (with that DNS SAN):
     * {@code dir/<name>.key} and {@code dir/<name>.csr}; returns the CSR's path.
     */
    static Path ecCsr(Path dir, String name) {
        Path csr = dir.resolve(name + ".csr");
        run(60, "openssl", "req", "-new", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
                "-keyout", dir.resolve(name + ".key").toString(), "-subj", "/CN=" + name + ".example.com",
                "-addext", "subjectAltName=DNS:" + name + ".example.com", "-out", csr.toString()).assertOk();
        return csr;
    }

    private Cli() {
    }
}
