package org.brevet.pki;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the real openssl binary for interop tests. A missing binary fails the test (it never skips).
 * (brevet-testkit depends on brevet-pki, so this module keeps its own tiny copy of the helper.)
 */
final class OpensslProcess {
    record Result(int exitCode, String stdout, String stderr) {
        Result assertOk() {
            if (exitCode != 0) {
                throw new AssertionError("openssl exited " + exitCode + ": " + stderr + stdout);
            }
            return this;
        }
    }

    private OpensslProcess() {
    }

    static Result run(Path dir, String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add("openssl");
        cmd.addAll(List.of(args));
        try {
            Path out = Files.createTempFile(dir, "openssl", ".out");
            Path err = Files.createTempFile(dir, "openssl", ".err");
            Process p = new ProcessBuilder(cmd).directory(dir.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("openssl timed out: " + cmd);
            }
            return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + cmd, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
