package org.brevet.server.cli;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Set;
import java.util.concurrent.Callable;
import org.brevet.server.InstanceLayout;
import org.brevet.server.KeyExport;
import org.brevet.server.PasswordFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code brevet ca export-keys}: back up the system keys for {@code ca clone} (Dogtag's PKCS12Export). */
@Command(name = "export-keys", mixinStandardHelpOptions = true,
        description = {"Back up the system keys of an instance (Dogtag's PKCS12Export).",
            "Writes every key and certificate of DIR/alias/keys.p12 but Server-Cert (CA signing, OCSP signing, audit",
            "signing, subsystem; the KRA's and SCEP RA's when present) to a PKCS#12 file encrypted with AES-256-CBC",
            "and PBKDF2-HMAC-SHA256, mode 0600, for brevet ca clone."},
        exitCodeListHeading = "%nExit codes:%n", exitCodeList = {
            "0:success", "2:usage or local input error (no instance, unreadable or short password file)",
            "5:internal error (see the log)"})
public final class CaExportKeysCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--instance", required = true, paramLabel = "DIR", description = "the instance whose keys to export")
    Path instance;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "the PKCS#12 file to write")
    Path out;

    @Option(names = "--password-file", required = true, paramLabel = "FILE",
            description = "file whose first line is the PKCS#12 password (at least 8 characters)")
    Path passwordFile;

    private final SecureRandom random;

    public CaExportKeysCommand() {
        this(new SecureRandom());
    }

    CaExportKeysCommand(SecureRandom random) {
        this.random = random;
    }

    @Override
    public Integer call() {
        return ExitCodes.run(spec.commandLine().getErr(), () -> {
            Set<String> nicknames = new KeyExport(random).export(InstanceLayout.of(instance), out,
                    PasswordFiles.readSingle(passwordFile));
            var o = spec.commandLine().getOut();
            o.println("exported " + String.join(", ", nicknames) + " to " + out.toAbsolutePath());
            o.flush();
            return ExitCodes.OK;
        });
    }
}
