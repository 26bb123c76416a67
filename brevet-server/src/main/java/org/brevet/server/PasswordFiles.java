package org.brevet.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.brevet.pki.BrevetException;
import org.brevet.pki.ErrorKind;
import org.brevet.pki.Secret;

/**
 * Password files: a single password on the first line (admin PKCS#12, database), or Dogtag's
 * {@code password.conf} of {@code name=value} lines ({@code internal=} is the key token's PIN).
 */
public final class PasswordFiles {
    /** The name of the key token's PIN in password.conf (Dogtag: the NSS internal token). */
    public static final String INTERNAL_TOKEN = "internal";

    private PasswordFiles() {
    }

    /** The first line, without its line ending; MALFORMED if empty, NOT_FOUND / UNAVAILABLE naming the file. */
    public static Secret readSingle(Path file) {
        String text = read(file);
        int eol = text.indexOf('\n');
        String first = (eol < 0 ? text : text.substring(0, eol)).replace("\r", "");
        if (first.isEmpty()) {
            throw BrevetException.malformed(file + ": the password file is empty", null);
        }
        return Secret.of(first);
    }

    /** The named entry of a {@code name=value} file. */
    public static Secret readEntry(Path file, String name) {
        return entries(read(file)).entrySet().stream().filter(e -> e.getKey().equals(name)).findFirst()
                .map(Map.Entry::getValue)
                .orElseThrow(() -> BrevetException.malformed(file + ": no '" + name + "=' entry", null));
    }

    static String render(String name, Secret value) {
        return name + "=" + value.reveal() + "\n";
    }

    private static Map<String, Secret> entries(String text) {
        Map<String, Secret> entries = new LinkedHashMap<>();
        for (String line : text.split("\r?\n")) {
            int eq = line.indexOf('=');
            if (eq > 0 && !line.startsWith("#")) {
                entries.put(line.substring(0, eq).trim(), Secret.of(line.substring(eq + 1)));
            }
        }
        return entries;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new BrevetException(ErrorKind.NOT_FOUND, file + ": no such file", e);
        } catch (IOException e) {
            throw new BrevetException(ErrorKind.MALFORMED, file + ": cannot read: " + e.getMessage(), e);
        }
    }

    static Optional<Secret> readIfPresent(Path file) {
        return Files.exists(file) ? Optional.of(readSingle(file)) : Optional.empty();
    }
}
