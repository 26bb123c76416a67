package org.brevet.submit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.brevet.cli.EnrollmentClient;

/**
 * {@code brevet-submit} run inside a long-lived JVM (Brevet's tracker) instead of as a process per
 * operation: the same options, {@code CERTMONGER_*} variables, standard output and exit codes, without a
 * JVM start, a PKCS#12 decryption (two 100,000-iteration PBKDF2 derivations) and a TLS handshake for every
 * certificate. Connections are kept per set of options and opened again when a file they were read from
 * (credential, password, CA certificate, instance configuration) changes. Thread-safe.
 */
public final class InProcessHelper {
    /** What the helper process would have left: its exit code and standard output. */
    public record Result(int exitCode, String stdout) {
    }

    private record Opened(List<Long> fileStamps, EnrollmentClient client) {
    }

    private final Map<EnrollmentClient.Connection, Opened> connections = new ConcurrentHashMap<>();

    public Result run(List<String> arguments, Map<String, String> environment) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            exit = SubmitMain.run(arguments.toArray(String[]::new), Map.copyOf(environment), o, e, this::connection);
        }
        return new Result(exit, out.toString(StandardCharsets.UTF_8));
    }

    private EnrollmentClient connection(EnrollmentClient.Connection c) {
        List<Long> stamps = stamps(c);
        Opened open = connections.get(c);
        if (open != null && open.fileStamps().equals(stamps)) {
            return open.client();
        }
        EnrollmentClient client = EnrollmentClient.connect(c, new SecureRandom());
        connections.put(c, new Opened(stamps, client));
        return client;
    }

    /** Modification times of every file the connection is made from (missing files count as -1). */
    private static List<Long> stamps(EnrollmentClient.Connection c) {
        List<Path> files = new ArrayList<>();
        Stream.of(c.p12(), c.p12PasswordFile(), c.caCert(), c.cert(), c.key()).filter(Objects::nonNull).forEach(files::add);
        if (c.instance() != null) {
            files.add(c.instance().resolve("conf/brevet.conf"));
            files.add(c.instance().resolve("admin/ca_admin_cert.p12"));
            files.add(c.instance().resolve("admin/pkcs12_password.conf"));
            files.add(c.instance().resolve("certs/ca.pem"));
        }
        return files.stream().map(InProcessHelper::modified).toList();
    }

    private static long modified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toMillis();
        } catch (IOException e) {
            return -1;
        }
    }
}
