package org.brevet.cli;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.brevet.pki.BrevetException;
import org.brevet.pki.ErrorKind;
import org.brevet.pki.RevocationReason;
import org.brevet.pki.SerialNumber;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code brevet cert revoke SERIAL --reason R}: an agent revokes any certificate; with {@code --holder}
 * the holder revokes its own, presenting it as the client credential ({@code --p12}).
 */
@Command(name = "revoke", description = "Revoke a certificate (agents; or its holder with --holder).")
final class CertRevokeCommand implements Callable<Integer> {
    private final Session session;

    @Parameters(index = "0", paramLabel = "SERIAL", description = "Serial number in hex, with or without 0x.")
    String serial;

    @Option(names = "--reason", paramLabel = "REASON", required = true,
            description = "RFC 5280 reason: unspecified, keyCompromise, cACompromise, affiliationChanged, superseded, "
                    + "cessationOfOperation, certificateHold, privilegeWithdrawn, aACompromise (or its code).")
    String reason;

    @Option(names = "--invalidity-date", paramLabel = "TIME",
            description = "When the key became unsafe: an instant (2026-11-23T20:00:00Z) or a date (UTC midnight).")
    String invalidityDate;

    @Option(names = "--comment", paramLabel = "TEXT", description = "Kept with the revocation and in the audit log.")
    String comment;

    @Option(names = "--holder", description = "Revoke as the certificate's holder: the client credential must be this certificate.")
    boolean holder;

    CertRevokeCommand(Session session) {
        this.session = session;
    }

    @Override
    public Integer call() {
        RevocationReason r = RevocationReason.parse(reason);
        RevocationInfo info = session.client().revoke(SerialNumber.parse(serial).toString(), holder, r.rfcName(),
                Optional.ofNullable(invalidityDate).map(CertRevokeCommand::instant), Optional.ofNullable(comment));
        show(session.output(), info);
        return ExitCode.OK;
    }

    /** An ISO instant, or a date taken as midnight UTC; MALFORMED (exit 2) otherwise. */
    static String instant(String text) {
        try {
            return Instant.parse(text).toString();
        } catch (DateTimeParseException notAnInstant) {
            try {
                return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant().toString();
            } catch (DateTimeParseException e) {
                throw new BrevetException(ErrorKind.MALFORMED, "--invalidity-date: '" + text
                        + "' is neither an instant (2026-11-23T20:00:00Z) nor a date (2026-11-23)");
            }
        }
    }

    static void show(Output output, RevocationInfo info) {
        if (output.isJson()) {
            output.json(info);
            return;
        }
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("Serial", info.serial());
        fields.put("Status", info.status());
        fields.put("Reason", info.reason());
        fields.put("Revoked at", info.revokedAt());
        fields.put("Invalidity date", info.invalidityDate());
        fields.put("Revoked by", info.revokedBy());
        fields.put("Comment", info.comment());
        output.fields(fields);
    }
}
