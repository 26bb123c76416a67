package org.brevet.ca.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the real openssl binary (bounded wait). A missing binary fails the test; it never skips. */
public final class Openssl {
    private Openssl() {
    }

    /** Runs openssl in {@code dir} and returns stdout; fails the test on a non-zero exit. */
    public static String run(Path dir, String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add("openssl");
        cmd.addAll(List.of(args));
        try {
            Path out = Files.createTempFile(dir, "openssl", ".out");
            Path err = Files.createTempFile(dir, "openssl", ".err");
            Process p = new ProcessBuilder(cmd).directory(dir.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("openssl timed out: " + cmd);
            }
            String stdout = Files.readString(out, StandardCharsets.UTF_8);
            if (p.exitValue() != 0) {
                throw new AssertionError("openssl exited " + p.exitValue() + ": " + cmd + "\n"
                        + Files.readString(err, StandardCharsets.UTF_8) + stdout);
            }
            return stdout;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + cmd + " (is openssl installed?)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
