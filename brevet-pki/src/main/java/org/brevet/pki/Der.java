package org.brevet.pki;

import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Immutable DER (or any binary) blob that copies on the way in and out and compares by content, so that
 * records can hold binary data safely.
 */
public final class Der {
    private final byte[] bytes;

    private Der(byte[] bytes) {
        this.bytes = bytes;
    }

    public static Der of(byte[] bytes) {
        return new Der(bytes.clone());
    }

    /** Decodes standard base64; white space (line breaks) is ignored, any other stray character is an error. */
    public static Der fromBase64(String base64) {
        try {
            return new Der(Base64.getDecoder().decode(base64.replaceAll("\\s", "")));
        } catch (IllegalArgumentException e) {
            throw BrevetException.malformed("not valid base64", e);
        }
    }

    public byte[] bytes() {
        return bytes.clone();
    }

    public int length() {
        return bytes.length;
    }

    public String toBase64() {
        return Base64.getEncoder().encodeToString(bytes);
    }

    public String toHex() {
        return HexFormat.of().formatHex(bytes);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Der other && Arrays.equals(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "Der[" + bytes.length + " bytes]";
    }
}
