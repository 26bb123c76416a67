package org.brevet.tracker.exec;

import java.io.File;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs one helper or hook: argv without a shell, a scrubbed environment, stdin from /dev/null, stdout and
 * stderr captured (each at most {@value #MAX_OUTPUT} bytes), killed after a timeout. The child is always
 * reaped (certmonger leaves zombies, reference §9 #3).
 */
public final class ChildProcess {
    static final int MAX_OUTPUT = 1024 * 1024;

    /**
     * How the child ended. {@code exitCode} is -1 when it timed out or could not start. Standard output is
     * kept as bytes (a CA helper may print a DER certificate or PKCS#7); {@link #stdout()} is its text.
     */
    public record Result(int exitCode, byte[] stdoutBytes, String stderr, boolean timedOut, String startFailure) {
        public Result {
            stdoutBytes = stdoutBytes.clone();
        }

        public static Result of(int exitCode, String stdout, String stderr, boolean timedOut, String startFailure) {
            return new Result(exitCode, stdout.getBytes(StandardCharsets.UTF_8), stderr, timedOut, startFailure);
        }

        @Override
        public byte[] stdoutBytes() {
            return stdoutBytes.clone();
        }

        public String stdout() {
            return new String(stdoutBytes, StandardCharsets.UTF_8);
        }

        public boolean started() {
            return startFailure == null;
        }
    }

    private ChildProcess() {
    }

    public static Result run(List<String> argv, Map<String, String> env, Path workDir, Duration timeout) {
        ProcessBuilder pb = new ProcessBuilder(argv).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        pb.environment().clear();
        pb.environment().putAll(env);
        if (workDir != null) {
            pb.directory(workDir.toFile());
        }
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            return Result.of(-1, "", "", false, e.getMessage());
        }
        Drain out = new Drain(p.getInputStream());
        Drain err = new Drain(p.getErrorStream());
        out.start();
        err.start();
        boolean done;
        try {
            done = p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (!done) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                p.waitFor();
            }
            out.join();
            err.join();
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            return new Result(-1, out.bytes(), err.text(), true, null);
        }
        return new Result(done ? p.exitValue() : -1, out.bytes(), err.text(), !done, null);
    }

    /** Reads one stream to the end, keeping at most MAX_OUTPUT bytes. */
    private static final class Drain extends Thread {
        private final InputStream in;
        private final ByteArrayOutputStream buf = new ByteArrayOutputStream();

        Drain(InputStream in) {
            this.in = in;
            setDaemon(true);
        }

        @Override
        public void run() {
            byte[] chunk = new byte[8192];
            try (in) {
                int n;
                while ((n = in.read(chunk)) >= 0) {
                    if (buf.size() < MAX_OUTPUT) {
                        buf.write(chunk, 0, Math.min(n, MAX_OUTPUT - buf.size()));
                    }
                }
            } catch (IOException e) {
                // the child went away; what was read is what there is
            }
        }

        synchronized String text() {
            return buf.toString(StandardCharsets.UTF_8);
        }

        synchronized byte[] bytes() {
            return buf.toByteArray();
        }
    }
}
