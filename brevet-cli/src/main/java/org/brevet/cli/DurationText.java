package org.brevet.cli;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.brevet.pki.BrevetException;
import org.brevet.pki.ErrorKind;

/** A duration as users write it: {@code 90s}, {@code 30m}, {@code 12h}, {@code 7d}, or ISO-8601 {@code PT1H}. */
final class DurationText {
    private static final Pattern SHORT = Pattern.compile("([0-9]{1,9})([smhd])");

    private DurationText() {
    }

    static Duration parse(String text) {
        Matcher m = SHORT.matcher(text.strip());
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            return switch (m.group(2)) {
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
            };
        }
        try {
            return Duration.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new BrevetException(ErrorKind.MALFORMED, "not a duration: '" + text + "' (examples: 30m, 12h, 7d, PT1H)");
        }
    }
}
