package org.brevet.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.brevet.pki.AtomicFiles;
import org.brevet.pki.BrevetException;
import org.brevet.pki.Certificate;
import org.brevet.pki.ErrorKind;
import org.brevet.pki.SerialNumber;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code brevet cert show SERIAL}: the certificate's details, or the certificate itself as PEM or DER. */
@Command(name = "show", description = "Show one certificate, or save it as PEM or DER.")
final class CertShowCommand implements Callable<Integer> {
    private final Session session;

    @Parameters(index = "0", paramLabel = "SERIAL", description = "Serial number in hex, with or without 0x.")
    String serial;

    @ArgGroup(exclusive = true)
    Encoding encoding;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the certificate to FILE (PEM unless --der).")
    Path out;

    static final class Encoding {
        @Option(names = "--pem", description = "The certificate in PEM.")
        boolean pem;

        @Option(names = "--der", description = "The certificate in DER (needs --out).")
        boolean der;
    }

    CertShowCommand(Session session) {
        this.session = session;
    }

    @Override
    public Integer call() {
        boolean der = encoding != null && encoding.der;
        if (der && out == null) {
            throw new BrevetException(ErrorKind.MALFORMED, "--der writes binary: give --out FILE");
        }
        CertificateInfo cert = session.client().certificate(SerialNumber.parse(serial).toString());
        Output output = session.output();
        boolean wantsCertificate = out != null || (encoding != null && encoding.pem);
        if (!wantsCertificate) {
            if (output.isJson()) {
                output.json(cert);
            } else {
                output.fields(Views.certificate(cert));
            }
            return ExitCode.OK;
        }
        if (cert.pem() == null) {
            throw new ServerErrorException(502, "", "the server sent no PEM for certificate " + cert.serial());
        }
        Certificate parsed = Certificate.parse(cert.pem());
        if (out == null) {
            output.line(parsed.toPem().stripTrailing());
        } else if (der) {
            AtomicFiles.writePublic(out, parsed.toDer().bytes());
        } else {
            AtomicFiles.writeString(out, parsed.toPem(), AtomicFiles.PUBLIC);
        }
        return ExitCode.OK;
    }
}
