package org.brevet.cli;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.brevet.pki.BrevetException;
import org.brevet.pki.ErrorKind;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code brevet cert find}: one page of the CA's certificates, filtered. */
@Command(name = "find", description = "Find certificates issued by the CA (one page at a time).")
final class CertFindCommand implements Callable<Integer> {
    /** Certificate statuses the REST API filters on. */
    enum Status {
        VALID, REVOKED, EXPIRED
    }

    private final Session session;

    @Option(names = "--subject", paramLabel = "TEXT", description = "Subject DN, or a part of it.")
    String subject;

    @Option(names = "--status", paramLabel = "STATUS", description = "${COMPLETION-CANDIDATES}")
    Status status;

    @Option(names = "--expires-before", paramLabel = "DATE",
            description = "Only certificates whose notAfter is before DATE (2027-01-01 or 2027-01-01T00:00:00Z).")
    String expiresBefore;

    @Option(names = "--start", paramLabel = "N", defaultValue = "0", description = "First result (default: ${DEFAULT-VALUE}).")
    int start;

    @Option(names = "--size", paramLabel = "N", defaultValue = "20", description = "Page size, 1 to 1000 (default: ${DEFAULT-VALUE}).")
    int size;

    CertFindCommand(Session session) {
        this.session = session;
    }

    @Override
    public Integer call() {
        Paging.check(start, size);
        CertQuery query = new CertQuery(Optional.ofNullable(subject), Optional.ofNullable(status).map(Enum::name),
                Optional.ofNullable(expiresBefore).map(CertFindCommand::checkDate), start, size);
        CertificatePage page = session.client().findCertificates(query);
        Output out = session.output();
        if (out.isJson()) {
            out.json(page);
        } else if (page.certificates().isEmpty()) {
            out.line("No certificates found.");
        } else {
            out.table(Views.CERTIFICATE_HEADERS, page.certificates().stream().map(Views::certificateRow).toList());
            Optional.ofNullable(Views.more(page.start(), page.size(), page.hasMore())).ifPresent(out::line);
        }
        return ExitCode.OK;
    }

    /** A calendar date or an ISO-8601 instant, passed on as the user wrote it once it parses. */
    static String checkDate(String text) {
        try {
            LocalDate.parse(text);
            return text;
        } catch (DateTimeParseException notADate) {
            try {
                Instant.parse(text);
                return text;
            } catch (DateTimeParseException e) {
                throw new BrevetException(ErrorKind.MALFORMED,
                        "--expires-before: '" + text + "' is neither a date (2027-01-01) nor an instant (2027-01-01T00:00:00Z)");
            }
        }
    }
}
