package org.brevet.submit;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.brevet.cli.EnrollmentClient;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code brevet-submit}: a certmonger CA helper for a Brevet CA. The operation and request come from the
 * {@code CERTMONGER_*} environment; the CA and credential from the same options as {@code brevet}.
 * Standard output and the exit code follow certmonger's protocol; a usage error exits 4 (unconfigured).
 */
@Command(name = "brevet-submit", mixinStandardHelpOptions = true, versionProvider = SubmitMain.Version.class,
        description = {"certmonger CA helper: enrolls from a Brevet CA over its REST API.",
                "Use: getcert add-ca -c Brevet -e '/path/to/brevet-submit --instance DIR'",
                "Reads CERTMONGER_OPERATION, CERTMONGER_CSR, CERTMONGER_CA_PROFILE (getcert -T),"
                        + " CERTMONGER_CA_COOKIE. Without CERTMONGER_CSR the CSR is read from CSRFILE."},
        exitCodeListHeading = "%nExit codes (certmonger's):%n",
        exitCodeList = {"0:issued (certificate on stdout) or data", "1:wait (cookie on stdout)",
                "2:rejected (reason on stdout)", "3:CA unreachable, try again", "4:not configured (reason on stdout)",
                "5:wait: delay in seconds and cookie on stdout", "6:operation not supported"})
final class SubmitMain implements Callable<Integer> {
    @Option(names = "--url", paramLabel = "URL", description = "Base URL of the CA's HTTPS port (default:"
            + " https://localhost:8443, or the instance's HTTPS port with --instance).")
    URI url;

    @Option(names = "--p12", paramLabel = "FILE", description = "PKCS#12 file with the client certificate and key.")
    Path p12;

    @Option(names = "--p12-password-file", paramLabel = "FILE", description = "File holding the PKCS#12 password.")
    Path p12PasswordFile;

    @Option(names = "--ca-cert", paramLabel = "FILE",
            description = "PEM file of the CA certificate(s) that must have issued the server's certificate.")
    Path caCert;

    @Option(names = "--instance", paramLabel = "DIR",
            description = "A local CA instance: URL, administrator's PKCS#12 and CA certificate from it.")
    Path instance;

    @Option(names = "--client-cert", paramLabel = "FILE",
            description = "PEM client certificate, e.g. the host's own tracked certificate (with --client-key, instead of --p12).")
    Path cert;

    @Option(names = "--client-key", paramLabel = "FILE", description = "Unencrypted PEM private key of --client-cert.")
    Path key;

    @Option(names = "--profile", paramLabel = "ID", description = "Profile when getcert -T is not given.")
    String profile;

    @Option(names = "--poll-delay", paramLabel = "SECONDS", defaultValue = "300",
            description = "Seconds certmonger waits before asking again about a request waiting for an agent"
                    + " (default: ${DEFAULT-VALUE}).")
    long pollDelay;

    @Parameters(index = "0", arity = "0..1", paramLabel = "CSRFILE", description = "PEM CSR when CERTMONGER_CSR is not set.")
    Path csrFile;

    private final Map<String, String> env;
    private final PrintStream out;
    private final Function<EnrollmentClient.Connection, EnrollmentClient> connector;

    SubmitMain(Map<String, String> env, PrintStream out, Function<EnrollmentClient.Connection, EnrollmentClient> connector) {
        this.env = env;
        this.out = out;
        this.connector = connector;
    }

    public static void main(String[] args) {
        System.exit(run(args, System.getenv(), System.out, System.err));
    }

    static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        return run(args, env, out, err, c -> EnrollmentClient.connect(c, new SecureRandom()));
    }

    static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err,
            Function<EnrollmentClient.Connection, EnrollmentClient> connector) {
        CommandLine cl = new CommandLine(new SubmitMain(env, out, connector));
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        cl.setParameterExceptionHandler((e, a) -> {
            out.println("brevet-submit: " + e.getMessage());
            return HelperResult.UNCONFIGURED;
        });
        cl.setExecutionExceptionHandler((e, c, p) -> {
            out.println("brevet-submit: internal error: " + e);
            return HelperResult.UNCONFIGURED;
        });
        return cl.execute(args);
    }

    @Override
    public Integer call() {
        if (pollDelay < 1) {
            return print(HelperResult.of(HelperResult.UNCONFIGURED, "--poll-delay must be at least 1 second"));
        }
        Map<String, String> vars = new HashMap<>(env);
        if (csrFile != null && new HelperEnvironment(env).csr().isEmpty()) {
            try {
                vars.put("CERTMONGER_CSR", Files.readString(csrFile, StandardCharsets.UTF_8));
            } catch (IOException e) {
                return print(HelperResult.of(HelperResult.UNCONFIGURED, "cannot read " + csrFile + ": " + e.getMessage()));
            }
        }
        EnrollmentClient.Connection conn = new EnrollmentClient.Connection(url, p12, p12PasswordFile, caCert, instance, cert, key);
        BrevetHelper helper = new BrevetHelper(() -> new RestEndpoint(connector.apply(conn)),
                Optional.ofNullable(profile), pollDelay, where());
        return print(helper.run(new HelperEnvironment(vars)));
    }

    private String where() {
        if (url != null) {
            return url.toString();
        }
        return instance != null ? "instance " + instance : "https://localhost:8443";
    }

    private int print(HelperResult r) {
        out.print(r.stdout());
        out.flush();
        return r.exitCode();
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = SubmitMain.class.getPackage().getImplementationVersion();
            return new String[] {"brevet-submit " + (v == null ? "(development build)" : v)};
        }
    }
}
