package org.brevet.tracker.store;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.brevet.pki.BrevetException;

/** Typed access to the fields of one parsed file, with certmonger's encodings (times YYYYMMDDHHMMSS UTC, 0/1, comma lists). */
final class Fields {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

    private final Map<String, String> values;

    Fields(Map<String, String> values) {
        this.values = values;
    }

    String required(String key) {
        String v = values.get(key);
        if (v == null || v.isBlank()) {
            throw BrevetException.malformed("missing field " + key, null);
        }
        return v;
    }

    String text(String key) {
        String v = values.get(key);
        return v == null || v.isEmpty() ? null : v;
    }

    /** A PEM value, normalised to end with a newline as PEM text does. */
    String pem(String key) {
        String v = text(key);
        return v == null || v.endsWith("\n") ? v : v + "\n";
    }

    List<String> list(String key) {
        String v = text(key);
        return v == null ? List.of() : Arrays.stream(v.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    boolean flag(String key, boolean dflt) {
        String v = text(key);
        if (v == null) {
            return dflt;
        }
        return switch (v.trim().toLowerCase()) {
            case "1", "yes", "y", "true", "t" -> true;
            case "0", "no", "n", "false", "f" -> false;
            default -> throw BrevetException.malformed("field " + key + " is not a boolean: " + v, null);
        };
    }

    int integer(String key, int dflt) {
        String v = text(key);
        try {
            return v == null ? dflt : Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw BrevetException.malformed("field " + key + " is not a number: " + v, e);
        }
    }

    Integer octal(String key) {
        String v = text(key);
        try {
            return v == null || v.equals("0") ? null : Integer.parseInt(v.trim(), 8);
        } catch (NumberFormatException e) {
            throw BrevetException.malformed("field " + key + " is not an octal mode: " + v, e);
        }
    }

    Instant time(String key) {
        String v = text(key);
        if (v == null) {
            return null;
        }
        try {
            return LocalDateTime.parse(v.trim(), TIME).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw BrevetException.malformed("field " + key + " is not a time YYYYMMDDHHMMSS: " + v, e);
        }
    }

    Optional<String> optional(String key) {
        return Optional.ofNullable(text(key));
    }

    /** Builds the fields of a file in a stable order. */
    static final class Writer {
        private final Map<String, String> out = new LinkedHashMap<>();

        Writer put(String key, String value) {
            if (value != null) {
                out.put(key, value);
            }
            return this;
        }

        Writer put(String key, List<String> values) {
            return values.isEmpty() ? this : put(key, String.join(",", values));
        }

        Writer put(String key, boolean value) {
            return put(key, value ? "1" : "0");
        }

        Writer put(String key, int value) {
            return put(key, Integer.toString(value));
        }

        Writer octal(String key, Integer mode) {
            return mode == null ? this : put(key, Integer.toOctalString(mode));
        }

        Writer time(String key, Instant t) {
            return t == null ? this : put(key, TIME.format(t.atOffset(ZoneOffset.UTC)));
        }

        Map<String, String> fields() {
            return out;
        }
    }
}
