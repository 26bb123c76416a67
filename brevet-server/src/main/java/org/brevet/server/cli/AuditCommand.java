package org.brevet.server.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.brevet.ca.audit.AuditVerification;
import org.brevet.ca.audit.AuditVerifier;
import org.brevet.pki.BrevetException;
import org.brevet.pki.Certificate;
import org.brevet.server.InstanceLayout;
import org.brevet.server.KeyToken;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code brevet audit verify}: checks the signed audit trail of an instance (Dogtag's AuditVerify). */
@Command(name = "audit", description = "Check the signed audit log of an instance.",
        subcommands = AuditCommand.Verify.class, mixinStandardHelpOptions = true,
        exitCodeListHeading = "%nExit codes:%n", exitCodeList = {"0:success", "2:no subcommand given"})
public final class AuditCommand implements Callable<Integer> {
    /** The log was tampered with (a line edited, deleted, inserted or reordered, or a bad signature). */
    public static final int TAMPERED = 1;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.USAGE;
    }

    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = {"Verify the hash chain and the AUDIT_LOG_SIGNING signatures of the audit log.",
                "Names the first bad line when a line was edited, deleted, inserted or reordered."},
            exitCodeListHeading = "%nExit codes:%n", exitCodeList = {
                "0:the log is intact", "1:the log was tampered with (the first bad line is named)",
                "2:usage or local input error (no instance, no audit log, unreadable certificate)",
                "5:internal error (see the log)"})
    static final class Verify implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--instance", required = true, paramLabel = "DIR", description = "the CA instance")
        Path instance;

        @Option(names = "--cert", paramLabel = "FILE",
                description = "the audit signing certificate (default: auditSigningCert of the instance's key token)")
        Path cert;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            return ExitCodes.run(spec.commandLine().getErr(), () -> {
                InstanceLayout layout = InstanceLayout.of(instance);
                Certificate signing = cert != null ? Certificate.parse(read(cert))
                        : KeyToken.open(layout).entry(KeyToken.AUDIT_SIGNING).certificate();
                AuditVerification v = new AuditVerifier(signing).verify(layout.auditDir());
                if (v.firstBad().isPresent()) {
                    spec.commandLine().getErr().println("brevet: audit log tampered: " + v.firstBad().get());
                    spec.commandLine().getErr().flush();
                    return TAMPERED;
                }
                out.println("audit log intact: " + v.lines() + " lines, " + v.signatures() + " signatures"
                        + (v.unsignedTail() > 0 ? ", " + v.unsignedTail() + " lines after the last signature (not yet sealed)" : ""));
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
}
