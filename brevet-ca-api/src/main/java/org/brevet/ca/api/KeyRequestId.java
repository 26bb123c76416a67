package org.brevet.ca.api;

import java.security.SecureRandom;
import org.brevet.pki.BrevetException;

/** The id of a KRA key request (a recovery request): a random positive 63-bit number, printed in decimal. */
public record KeyRequestId(long value) {
    public KeyRequestId {
        if (value <= 0) {
            throw BrevetException.malformed("key request id must be positive", null);
        }
    }

    public static KeyRequestId random(SecureRandom random) {
        long v;
        do {
            v = random.nextLong() & Long.MAX_VALUE;
        } while (v == 0);
        return new KeyRequestId(v);
    }

    public static KeyRequestId parse(String text) {
        try {
            return new KeyRequestId(Long.parseLong(text.trim()));
        } catch (NumberFormatException e) {
            throw BrevetException.malformed("not a key request id: '" + text + "'", e);
        }
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
