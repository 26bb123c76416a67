package org.brevet.http;

import io.javalin.http.Context;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.brevet.ca.api.PageRequest;
import org.brevet.pki.BrevetException;

/** Typed query parameters; a bad value is MALFORMED naming the parameter. */
final class QueryParams {
    private QueryParams() {
    }

    static Optional<String> text(Context ctx, String name) {
        return Optional.ofNullable(ctx.queryParam(name)).map(String::trim).filter(s -> !s.isEmpty());
    }

    static PageRequest page(Context ctx) {
        int start = integer(ctx, "start").orElse(PageRequest.FIRST.start());
        int size = integer(ctx, "size").orElse(PageRequest.FIRST.size());
        return new PageRequest(start, size);
    }

    /** A date ({@code 2027-01-01}, midnight UTC) or an ISO-8601 instant. */
    static Optional<Instant> instant(Context ctx, String name) {
        return text(ctx, name).map(value -> {
            try {
                return value.length() == 10 ? LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant()
                        : Instant.parse(value);
            } catch (DateTimeParseException e) {
                throw BrevetException.malformed(name + ": expected a date (2027-01-01) or an instant"
                        + " (2027-01-01T00:00:00Z), got '" + value + "'", e);
            }
        });
    }

    private static Optional<Integer> integer(Context ctx, String name) {
        return text(ctx, name).map(value -> {
            try {
                return Integer.parseInt(value);
            } catch (NumberFormatException e) {
                throw BrevetException.malformed(name + ": not a number: '" + value + "'", e);
            }
        });
    }
}
