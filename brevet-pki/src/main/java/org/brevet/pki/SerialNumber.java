package org.brevet.pki;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Locale;
import java.util.Objects;

/**
 * A certificate serial number: positive, at most 20 octets (RFC 5280 §4.1.2.2). New serials carry 127
 * random bits from a CSPRNG (Dogtag's RSNv3, Boulder): no ranges, so clones never collide.
 */
public record SerialNumber(BigInteger value) implements Comparable<SerialNumber> {
    private static final int RANDOM_BITS = 127;

    public SerialNumber {
        Objects.requireNonNull(value, "value");
        if (value.signum() <= 0 || value.bitLength() > 159) {
            throw new BrevetException(ErrorKind.MALFORMED, "serial number must be positive and at most 20 octets");
        }
    }

    public static SerialNumber random(SecureRandom random) {
        BigInteger v;
        do {
            v = new BigInteger(RANDOM_BITS, random);
        } while (v.bitLength() < 64);
        return new SerialNumber(v);
    }

    /** Parses "0x1f", "1f:2a", "1F2A" (hex, as Dogtag and openssl print) or a decimal with a "d:" prefix. */
    public static SerialNumber parse(String text) {
        String s = text.trim();
        try {
            if (s.startsWith("d:")) {
                return new SerialNumber(new BigInteger(s.substring(2)));
            }
            if (s.startsWith("0x") || s.startsWith("0X")) {
                s = s.substring(2);
            }
            return new SerialNumber(new BigInteger(s.replace(":", ""), 16));
        } catch (NumberFormatException e) {
            throw BrevetException.malformed("not a serial number: '" + text + "'", e);
        }
    }

    /** Lower-case hex without leading zeros or prefix; the canonical form in URLs, JSON and the database. */
    public String toHex() {
        return value.toString(16).toLowerCase(Locale.ROOT);
    }

    @Override
    public int compareTo(SerialNumber o) {
        return value.compareTo(o.value);
    }

    @Override
    public String toString() {
        return "0x" + toHex();
    }
}
