package org.brevet.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.brevet.pki.KeySpec;
import org.brevet.server.BrevetServer;
import org.brevet.server.InstanceLayout;
import org.brevet.server.KeyToken;
import org.brevet.server.TestInstancesAccess;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code brevet audit verify --instance DIR} on the audit trail of a real init and serve. */
class AuditCommandTest {
    @TempDir
    static Path dir;

    private static InstanceLayout layout;

    @BeforeAll
    static void initAndServe() {
        layout = TestInstancesAccess.create(dir.resolve("ca"), KeySpec.EC_P256);
        BrevetServer.start(layout, Clock.systemUTC(), new SecureRandom()).close();
    }

    private static Path auditFile() {
        return layout.auditDir().resolve("ca_audit");
    }

    @Test
    void intactLog_exits0() {
        Run r = Run.of(new AuditCommand(), "verify", "--instance", layout.root().toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("audit log intact: ").contains("signatures");
    }

    @Test
    void oneByteChanged_exits1_namingTheLine_andAnotherCertificateIsRefused() throws Exception {
        Path copy = dir.resolve("tampered");
        copyInstance(copy);
        Path file = InstanceLayout.of(copy).auditDir().resolve("ca_audit");
        List<String> lines = new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8));
        lines.set(2, lines.get(2).replaceFirst("\\[Outcome=Success\\]", "[Outcome=Succesz]"));
        Files.write(file, lines, StandardCharsets.UTF_8);

        Run r = Run.of(new AuditCommand(), "verify", "--instance", copy.toString());
        assertThat(r.exitCode()).isEqualTo(AuditCommand.TAMPERED);
        assertThat(r.err()).isEqualTo("brevet: audit log tampered: ca_audit:3: chain broken: this line was edited or inserted, "
                + "or a line before it was deleted or moved\n");

        Path caCert = layout.caCertificate();
        Run wrongCert = Run.of(new AuditCommand(), "verify", "--instance", layout.root().toString(), "--cert", caCert.toString());
        assertThat(wrongCert.exitCode()).isEqualTo(AuditCommand.TAMPERED);
        assertThat(wrongCert.err()).contains("signature does not verify with the audit signing certificate");
    }

    @Test
    void noInstance_isAUsageError() {
        Run r = Run.of(new AuditCommand(), "verify", "--instance", dir.resolve("nothing").toString(), "--cert",
                layout.caCertificate().toString());
        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).startsWith("brevet: no audit log (ca_audit) in ");
    }

    private static void copyInstance(Path target) throws Exception {
        try (var files = Files.walk(layout.root())) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Path t = target.resolve(layout.root().relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t);
                }
            }
        }
        assertThat(KeyToken.AUDIT_SIGNING).isNotEmpty();
    }
}
