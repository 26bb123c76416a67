package org.brevet.cli;

import java.util.Optional;
import java.util.concurrent.Callable;
import org.brevet.pki.SerialNumber;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code brevet cert release-hold SERIAL}: an agent takes a certificate off hold; it is valid again. */
@Command(name = "release-hold", description = "Take a certificate off hold (agents); only certificateHold can be undone.")
final class CertReleaseHoldCommand implements Callable<Integer> {
    private final Session session;

    @Parameters(index = "0", paramLabel = "SERIAL", description = "Serial number in hex, with or without 0x.")
    String serial;

    @Option(names = "--comment", paramLabel = "TEXT", description = "Kept in the audit log.")
    String comment;

    CertReleaseHoldCommand(Session session) {
        this.session = session;
    }

    @Override
    public Integer call() {
        RevocationInfo info = session.client().releaseHold(SerialNumber.parse(serial).toString(), Optional.ofNullable(comment));
        CertRevokeCommand.show(session.output(), info);
        return ExitCode.OK;
    }
}
