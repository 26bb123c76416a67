package org.brevet.testkit;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The real {@code openssl} binary, for interop tests: runs commands in a working directory (a JUnit
 * {@code @TempDir}) and offers the few invocations tests keep repeating. A missing binary fails the test.
 */
public final class Openssl {
    private final ProcessRunner runner;

    public Openssl(Path directory) {
        this(ProcessRunner.in(directory));
    }

    public Openssl(ProcessRunner runner) {
        this.runner = runner;
    }

    public Path directory() {
        return runner.directory();
    }

    /** {@code openssl ARGS...}, whatever its exit code. */
    public ProcessResult run(String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add("openssl");
        cmd.addAll(List.of(args));
        return runner.run(cmd);
    }

    /** {@code openssl ARGS...}, failing the test unless it exits 0. */
    public ProcessResult ok(String... args) {
        return run(args).assertSuccess();
    }

    /** "OpenSSL 3.0.x ..." */
    public String version() {
        return ok("version").stdout().trim();
    }

    /**
     * Generates a key and a CSR with {@code openssl req}: {@code keySpec} as openssl spells it
     * ({@code rsa:2048}, {@code ec} with {@code -pkeyopt}) is passed through {@code extraArgs}.
     */
    public ProcessResult newCsr(String keyFile, String csrFile, String subject, String... extraArgs) {
        List<String> args = new ArrayList<>(List.of("req", "-new", "-nodes", "-keyout", keyFile, "-out", csrFile, "-subj", subject));
        args.addAll(List.of(extraArgs));
        return ok(args.toArray(new String[0]));
    }

    /** {@code openssl req -new -newkey rsa:BITS}. */
    public ProcessResult newRsaCsr(String keyFile, String csrFile, String subject, int bits) {
        return newCsr(keyFile, csrFile, subject, "-newkey", "rsa:" + bits);
    }

    /** {@code openssl req -new -newkey ec -pkeyopt ec_paramgen_curve:CURVE} (CURVE like P-256). */
    public ProcessResult newEcCsr(String keyFile, String csrFile, String subject, String curve) {
        return newCsr(keyFile, csrFile, subject, "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:" + curve);
    }

    /** {@code openssl verify -CAfile CA [-untrusted CHAIN] CERT}; check {@link ProcessResult#isSuccess()}. */
    public ProcessResult verify(String caFile, String certFile, String... extraArgs) {
        List<String> args = new ArrayList<>(List.of("verify", "-CAfile", caFile));
        args.addAll(List.of(extraArgs));
        args.add(certFile);
        return run(args.toArray(new String[0]));
    }

    /** The {@code openssl x509 -text} dump of a PEM certificate file. */
    public String x509Text(String certFile) {
        return ok("x509", "-in", certFile, "-noout", "-text").stdout();
    }

    /** The {@code openssl req -text} dump of a PEM CSR file. */
    public String reqText(String csrFile) {
        return ok("req", "-in", csrFile, "-noout", "-text").stdout();
    }

    /** Converts a PKCS#12 file to PEM (keys unencrypted), without OpenSSL's legacy provider. */
    public String pkcs12ToPem(String p12File, String password) {
        return ok("pkcs12", "-in", p12File, "-nodes", "-passin", "pass:" + password).stdout();
    }
}
