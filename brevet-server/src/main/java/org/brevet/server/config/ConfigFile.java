package org.brevet.server.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.brevet.pki.BrevetException;
import org.brevet.pki.ErrorKind;

/**
 * Reads and writes {@code brevet.conf}: one {@code key = value} per line, {@code #} starts a comment line,
 * blank lines are ignored, a key may appear once. Every error is one {@code MALFORMED} line naming the file
 * and the key (or line): {@code brevet.conf: db.url: must start with jdbc:h2: or jdbc:postgresql:}.
 */
public final class ConfigFile {
    private ConfigFile() {
    }

    /** Reads, parses and validates the file. Relative paths in it are resolved against {@code baseDir}. */
    public static BrevetConfig read(Path file, Path baseDir) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new BrevetException(ErrorKind.NOT_FOUND, file + ": no such file", e);
        } catch (IOException e) {
            throw BrevetException.malformed(file + ": cannot read: " + e.getMessage(), e);
        }
        return parse(text, file.getFileName().toString(), baseDir);
    }

    /** Parses and validates configuration text; {@code name} prefixes every error. */
    public static BrevetConfig parse(String text, String name, Path baseDir) {
        try {
            return ConfigKeys.build(entries(text), baseDir);
        } catch (BrevetException e) {
            throw new BrevetException(e.kind(), name + ": " + e.detail(), e.getCause());
        }
    }

    /** The file text for a configuration, with a comment per key; {@link #parse} reads it back equal. */
    public static String render(BrevetConfig config) {
        return ConfigKeys.render(config);
    }

    private static Map<String, String> entries(String text) {
        Map<String, String> entries = new LinkedHashMap<>();
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int eq = line.indexOf('=');
            if (eq <= 0) {
                throw BrevetException.malformed("line " + (i + 1) + ": expected 'key = value', got '" + line + "'", null);
            }
            String key = line.substring(0, eq).strip();
            if (entries.put(key, line.substring(eq + 1).strip()) != null) {
                throw BrevetException.malformed(key + ": set twice (line " + (i + 1) + ")", null);
            }
        }
        return entries;
    }
}
