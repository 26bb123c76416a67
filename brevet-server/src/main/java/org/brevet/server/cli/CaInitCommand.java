package org.brevet.server.cli;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import org.brevet.pki.BrevetException;
import org.brevet.pki.DistinguishedName;
import org.brevet.pki.KeySpec;
import org.brevet.server.InitOptions;
import org.brevet.server.InstanceLayout;
import org.brevet.server.Installer;
import org.brevet.server.config.BrevetConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code brevet ca init}: creates a CA instance (Dogtag's pkispawn). */
@Command(name = "init", mixinStandardHelpOptions = true,
        description = {"Create a CA instance (Dogtag's pkispawn).",
            "Writes DIR/conf (brevet.conf, password.conf), the key token DIR/alias/keys.p12 with the CA key and the",
            "system certificates, DIR/certs/ca.pem, the database with the default profiles, and the first",
            "administrator's credential DIR/admin/ca_admin_cert.p12 (password in DIR/admin/pkcs12_password.conf)."},
        exitCodeListHeading = "%nExit codes:%n", exitCodeList = {
            "0:success", "2:usage or local input error (bad option, instance exists, unreadable file)",
            "3:database unreachable", "5:internal error (see the log)"})
public final class CaInitCommand implements Callable<Integer> {
    static final Set<String> KEYS = Set.of("rsa:2048", "rsa:3072", "rsa:4096", "ec:p256", "ec:p384");

    @Spec
    CommandSpec spec;

    @Mixin
    ListenerOptions listener;

    @Option(names = "--instance", required = true, paramLabel = "DIR", description = "instance directory to create")
    Path instance;

    @Option(names = "--subject", paramLabel = "DN", defaultValue = InitOptions.DEFAULT_SUBJECT,
            description = "CA subject name (default: ${DEFAULT-VALUE})")
    String subject;

    @Option(names = "--key", paramLabel = "SPEC", defaultValue = "rsa:2048",
            description = "CA key: rsa:2048, rsa:3072, rsa:4096, ec:p256 or ec:p384 (default: ${DEFAULT-VALUE})")
    String key;

    @Option(names = "--db-url", paramLabel = "JDBC_URL",
            description = "database (jdbc:postgresql://... or jdbc:h2:...); default: embedded H2 in DIR/data")
    String dbUrl;

    @Option(names = "--admin-password-file", paramLabel = "FILE",
            description = "password for admin/ca_admin_cert.p12 (default: a random one)")
    Path adminPasswordFile;

    @Option(names = "--external-ca", description = "the CA certificate comes from an external CA: stop after writing its CSR")
    boolean externalCa;

    @Option(names = "--csr-out", paramLabel = "FILE", description = "with --external-ca: where to write the CA's CSR")
    Path csrOut;

    private final Clock clock;
    private final SecureRandom random;

    public CaInitCommand() {
        this(Clock.systemUTC(), new SecureRandom());
    }

    CaInitCommand(Clock clock, SecureRandom random) {
        this.clock = clock;
        this.random = random;
    }

    @Override
    public Integer call() {
        return ExitCodes.run(spec.commandLine().getErr(), () -> {
            InitOptions options = options();
            Installer.Result result = new Installer(clock, random).install(InstanceLayout.of(instance), options);
            var out = spec.commandLine().getOut();
            if (result.csr().isPresent()) {
                out.println("CA key generated; have the external CA sign " + result.csr().get()
                        + ", then run: brevet ca install-cert --instance " + result.layout().root() + " --cert FILE");
            } else {
                out.println("CA instance created in " + result.layout().root());
                out.println("CA certificate: " + result.layout().caCertificate());
                out.println("administrator credential: " + result.layout().adminCredential()
                        + " (password in " + result.layout().adminPasswordFile() + ")");
            }
            out.flush();
            return ExitCodes.OK;
        });
    }

    InitOptions options() {
        if (!KEYS.contains(key.toLowerCase(java.util.Locale.ROOT))) {
            throw BrevetException.malformed("--key: must be one of rsa:2048, rsa:3072, rsa:4096, ec:p256, ec:p384", null);
        }
        if (externalCa != (csrOut != null)) {
            throw BrevetException.malformed("--external-ca and --csr-out go together", null);
        }
        DistinguishedName dn = parseSubject(subject);
        return new InitOptions(config(), dn, KeySpec.parse(key), Optional.ofNullable(adminPasswordFile).map(Path::toAbsolutePath),
                Optional.ofNullable(csrOut).map(Path::toAbsolutePath));
    }

    private BrevetConfig config() {
        return listener.config(Optional.ofNullable(dbUrl));
    }

    static DistinguishedName parseSubject(String subject) {
        DistinguishedName dn;
        try {
            dn = DistinguishedName.parse(subject);
        } catch (BrevetException | IllegalArgumentException e) {
            throw BrevetException.malformed("--subject: not a distinguished name: '" + subject + "'", e);
        }
        if (dn.commonName().filter(cn -> !cn.isBlank()).isEmpty()) {
            throw BrevetException.malformed("--subject: must name the CA with a CN attribute", null);
        }
        return dn;
    }
}
