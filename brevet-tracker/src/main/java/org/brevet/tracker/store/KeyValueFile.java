package org.brevet.tracker.store;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * certmonger's request/CA file format (reference certmonger.md §6): {@code key=value} lines; a value
 * continues on following lines that start with one space (PEM blocks, multi-line errors). The reader is
 * tolerant: blank lines, {@code #} comments and lines without {@code =} are skipped; a later duplicate key wins.
 */
public final class KeyValueFile {
    private KeyValueFile() {
    }

    public static Map<String, String> parse(String text) {
        Map<String, String> fields = new LinkedHashMap<>();
        String key = null;
        StringBuilder value = null;
        for (String line : text.split("\n", -1)) {
            if (line.endsWith("\r")) {
                line = line.substring(0, line.length() - 1);
            }
            if (line.startsWith(" ") && key != null) {
                value.append('\n').append(line.substring(1));
                continue;
            }
            if (key != null) {
                fields.put(key, value.toString());
                key = null;
            }
            int eq = line.indexOf('=');
            if (line.isBlank() || line.startsWith("#") || eq <= 0) {
                continue;
            }
            key = line.substring(0, eq).trim();
            value = new StringBuilder(line.substring(eq + 1));
        }
        if (key != null) {
            fields.put(key, value.toString());
        }
        return fields;
    }

    /** Formats the fields in order; null values are omitted; a trailing newline in a value is dropped. */
    public static String format(Map<String, String> fields) {
        StringBuilder out = new StringBuilder();
        fields.forEach((k, v) -> {
            if (v == null) {
                return;
            }
            String val = v.endsWith("\n") ? v.substring(0, v.length() - 1) : v;
            out.append(k).append('=').append(val.replace("\n", "\n ")).append('\n');
        });
        return out.toString();
    }
}
