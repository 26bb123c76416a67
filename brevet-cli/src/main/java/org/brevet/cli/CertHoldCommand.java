package org.brevet.cli;

import java.util.Optional;
import java.util.concurrent.Callable;
import org.brevet.pki.RevocationReason;
import org.brevet.pki.SerialNumber;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code brevet cert hold SERIAL}: an agent suspends a certificate (revocation reason certificateHold). */
@Command(name = "hold", description = "Put a certificate on hold (agents); undo with release-hold.")
final class CertHoldCommand implements Callable<Integer> {
    private final Session session;

    @Parameters(index = "0", paramLabel = "SERIAL", description = "Serial number in hex, with or without 0x.")
    String serial;

    @Option(names = "--comment", paramLabel = "TEXT", description = "Kept with the hold and in the audit log.")
    String comment;

    CertHoldCommand(Session session) {
        this.session = session;
    }

    @Override
    public Integer call() {
        RevocationInfo info = session.client().revoke(SerialNumber.parse(serial).toString(), false,
                RevocationReason.CERTIFICATE_HOLD.rfcName(), Optional.empty(), Optional.ofNullable(comment));
        CertRevokeCommand.show(session.output(), info);
        return ExitCode.OK;
    }
}
