package org.brevet.server.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.brevet.pki.BrevetException;
import org.brevet.pki.Certificate;
import org.brevet.server.InstanceLayout;
import org.brevet.server.Installer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code brevet ca install-cert}: finishes an external-CA install with the certificate the external CA issued. */
@Command(name = "install-cert", mixinStandardHelpOptions = true,
        description = {"Finish an external-CA install with the CA certificate.",
            "Completes an instance created with 'ca init --external-ca' using the certificate the external CA issued."},
        exitCodeListHeading = "%nExit codes:%n", exitCodeList = {
            "0:success", "2:usage or local input error (no waiting instance, wrong certificate, unreadable file)",
            "3:database unreachable", "5:internal error (see the log)"})
public final class CaInstallCertCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--instance", required = true, paramLabel = "DIR", description = "the waiting instance")
    Path instance;

    @Option(names = "--cert", required = true, paramLabel = "FILE", description = "the CA certificate (PEM or DER)")
    Path cert;

    @Option(names = "--chain", paramLabel = "FILE", description = "the external CA's certificates up to its root (PEM)")
    Path chain;

    @Option(names = "--admin-password-file", paramLabel = "FILE",
            description = "password for admin/ca_admin_cert.p12 (default: a random one)")
    Path adminPasswordFile;

    private final Clock clock;
    private final SecureRandom random;

    public CaInstallCertCommand() {
        this(Clock.systemUTC(), new SecureRandom());
    }

    CaInstallCertCommand(Clock clock, SecureRandom random) {
        this.clock = clock;
        this.random = random;
    }

    @Override
    public Integer call() {
        return ExitCodes.run(spec.commandLine().getErr(), () -> {
            Certificate ca = Certificate.parse(read(cert));
            List<Certificate> issuers = chain == null ? List.of()
                    : Certificate.parseAll(new String(read(chain), StandardCharsets.US_ASCII));
            Installer.Result result = new Installer(clock, random).installCertificate(InstanceLayout.of(instance), ca,
                    issuers, Optional.ofNullable(adminPasswordFile));
            var out = spec.commandLine().getOut();
            out.println("CA instance completed in " + result.layout().root());
            out.println("administrator credential: " + result.layout().adminCredential()
                    + " (password in " + result.layout().adminPasswordFile() + ")");
            out.flush();
            return ExitCodes.OK;
        });
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw BrevetException.malformed(file + ": cannot read: " + e.getMessage(), e);
        }
    }
}
