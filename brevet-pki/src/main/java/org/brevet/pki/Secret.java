package org.brevet.pki;

import java.util.Arrays;

/**
 * A password, PIN or other secret. {@link #toString()} never reveals it, so secrets cannot leak into
 * logs by accident.
 */
public final class Secret {
    private final char[] value;

    private Secret(char[] value) {
        this.value = value;
    }

    public static Secret of(String value) {
        return new Secret(value.toCharArray());
    }

    public static Secret of(char[] value) {
        return new Secret(value.clone());
    }

    /**
     * Reads a password file: its first line, without the line break (what {@code openssl -passin file:F},
     * certmonger's PIN files and Dogtag's password files hold).
     *
     * @throws BrevetException NOT_FOUND if the file is missing, MALFORMED if it is empty
     */
    public static Secret fromFile(java.nio.file.Path file) {
        byte[] bytes = FileInput.read(file);
        String text = new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
        java.util.Arrays.fill(bytes, (byte) 0);
        int end = text.indexOf('\n');
        String line = end < 0 ? text : text.substring(0, end);
        if (line.endsWith("\r")) {
            line = line.substring(0, line.length() - 1);
        }
        if (line.isEmpty()) {
            throw new BrevetException(ErrorKind.MALFORMED, "password file " + file + " is empty");
        }
        return of(line);
    }

    public char[] chars() {
        return value.clone();
    }

    /** The secret as a string; call only where an API demands one. */
    public String reveal() {
        return new String(value);
    }

    public boolean isEmpty() {
        return value.length == 0;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Secret other && Arrays.equals(value, other.value);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(value);
    }

    @Override
    public String toString() {
        return "***";
    }
}
