package org.brevet.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.brevet.pki.BrevetException;
import org.brevet.pki.ErrorKind;

/**
 * What a command prints on standard output: one JSON document with {@code --output json}, otherwise
 * aligned {@code Key: value} lines or a table with a header row. Absent values print as "-" in tables and
 * are left out of key/value lines.
 */
final class Output {
    private final PrintWriter out;
    private final OutputFormat format;
    private final ObjectMapper json;

    Output(PrintWriter out, OutputFormat format, ObjectMapper json) {
        this.out = out;
        this.format = format;
        this.json = json;
    }

    boolean isJson() {
        return format == OutputFormat.json;
    }

    void json(Object value) {
        try {
            out.println(json.writerWithDefaultPrettyPrinter().writeValueAsString(value));
            out.flush();
        } catch (JsonProcessingException e) {
            throw new BrevetException(ErrorKind.INTERNAL, "cannot print JSON: " + e.getOriginalMessage(), e);
        }
    }

    void line(String text) {
        out.println(text);
        out.flush();
    }

    /** {@code Key: value} lines, keys padded to one width; null values are left out. */
    void fields(Map<String, String> fields) {
        int width = fields.keySet().stream().mapToInt(String::length).max().orElse(0);
        fields.forEach((k, v) -> {
            if (v != null) {
                out.println(pad(k + ":", width + 1) + " " + v);
            }
        });
        out.flush();
    }

    /** A table: header row, then rows, columns padded to the widest cell (the last column is not padded). */
    void table(List<String> headers, List<List<String>> rows) {
        List<List<String>> all = new ArrayList<>();
        all.add(headers);
        rows.forEach(r -> all.add(r.stream().map(c -> c == null || c.isEmpty() ? "-" : c).toList()));
        int[] widths = new int[headers.size()];
        for (List<String> row : all) {
            for (int i = 0; i < widths.length; i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        for (List<String> row : all) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < widths.length; i++) {
                sb.append(i == widths.length - 1 ? row.get(i) : pad(row.get(i), widths[i]) + "  ");
            }
            out.println(sb.toString().stripTrailing());
        }
        out.flush();
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s : s + " ".repeat(width - s.length());
    }
}
