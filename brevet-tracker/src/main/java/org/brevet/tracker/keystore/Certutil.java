package org.brevet.tracker.keystore;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import org.brevet.pki.BrevetException;
import org.brevet.pki.ErrorKind;
import org.brevet.pki.Secret;

/**
 * Runs one of NSS's own tools ({@code certutil}, from libnss3-tools) as a child process. Each call is a fresh
 * process, so each NSS database is opened, used in one sqlite transaction per change, and closed: the daemon
 * never holds NSS open and can serve any number of databases (NSS can be initialised only once per process,
 * which rules out SunPKCS11 for many databases in one JVM). The PIN goes to the child on its stdin, read as
 * the password file {@code /dev/stdin}: never on the command line nor on disk.
 */
public final class Certutil {
    private final String binary;
    private final Duration timeout;
    private final Map<String, Object> databaseLocks = new ConcurrentHashMap<>();

    /** Output of one run. */
    public record Result(int exitCode, String stdout, String stderr) {
        public boolean ok() {
            return exitCode == 0;
        }
    }

    private final Map<String, String> extraEnvironment;

    public Certutil(String binary, Duration timeout) {
        this(binary, timeout, Map.of());
    }

    /** {@code extraEnvironment} is added to the inherited one (e.g. {@code SOFTHSM2_CONF} for a PKCS#11 module). */
    public Certutil(String binary, Duration timeout, Map<String, String> extraEnvironment) {
        this.binary = binary;
        this.timeout = timeout;
        this.extraEnvironment = Map.copyOf(extraEnvironment);
    }

    public static Certutil standard() {
        return new Certutil("certutil", Duration.ofMinutes(2));
    }

    /**
     * Runs {@code certutil ARGS}; {@code pin} (or nothing) is written to its stdin. Runs on the same database
     * ({@code -d}) are serialised within the daemon, so parallel requests never meet on one sqlite lock.
     */
    public Result run(List<String> args, Optional<Secret> pin) {
        int d = args.indexOf("-d");
        Object lock = d < 0 || d + 1 >= args.size() ? new Object() : databaseLocks.computeIfAbsent(args.get(d + 1), k -> new Object());
        synchronized (lock) {
            return runNow(args, pin);
        }
    }

    private Result runNow(List<String> args, Optional<Secret> pin) {
        List<String> argv = new ArrayList<>();
        argv.add(binary);
        argv.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(argv);
        Map<String, String> env = pb.environment();
        env.keySet().removeIf(k -> k.startsWith("NSS_"));
        env.put("LANG", "C");
        env.put("LC_ALL", "C");
        env.putAll(extraEnvironment);
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            throw new BrevetException(ErrorKind.UNAVAILABLE,
                    "cannot run " + binary + " (NSS tools, Debian package libnss3-tools): " + e.getMessage(), e);
        }
        FutureTask<String> out = drain(p.getInputStream());
        FutureTask<String> err = drain(p.getErrorStream());
        try (OutputStream in = p.getOutputStream()) {
            if (pin.isPresent()) {
                in.write(pin.get().reveal().getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            // the child may exit before reading its stdin (no password needed)
        }
        try {
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                p.waitFor();
                throw new BrevetException(ErrorKind.UNAVAILABLE, binary + " did not finish within " + timeout.toSeconds() + " s");
            }
            return new Result(p.exitValue(), out.get(), err.get());
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new BrevetException(ErrorKind.UNAVAILABLE, "interrupted while running " + binary, e);
        } catch (ExecutionException e) {
            throw new BrevetException(ErrorKind.UNAVAILABLE, "cannot read the output of " + binary, e);
        }
    }

    /** Reads a stream to its end on its own thread (not a shared pool: reads block). */
    private static FutureTask<String> drain(InputStream s) {
        FutureTask<String> task = new FutureTask<>(() -> {
            ByteArrayOutputStream buf = new ByteArrayOutputStream();
            try (s) {
                s.transferTo(buf);
            } catch (IOException e) {
                // the child went away; what was read is what there is
            }
            return buf.toString(StandardCharsets.UTF_8);
        });
        Thread t = new Thread(task, "certutil-output");
        t.setDaemon(true);
        t.start();
        return task;
    }
}
