package org.brevet.ca.api;

import java.security.SecureRandom;
import org.brevet.pki.BrevetException;

/**
 * A certificate request id: a random positive 63-bit number, so that clones sharing a database never
 * need to coordinate. Printed and parsed in decimal, as Dogtag prints request ids.
 */
public record RequestId(long value) {
    public RequestId {
        if (value <= 0) {
            throw BrevetException.malformed("request id must be positive", null);
        }
    }

    public static RequestId random(SecureRandom random) {
        long v;
        do {
            v = random.nextLong() & Long.MAX_VALUE;
        } while (v == 0);
        return new RequestId(v);
    }

    public static RequestId parse(String text) {
        try {
            return new RequestId(Long.parseLong(text.trim()));
        } catch (NumberFormatException e) {
            throw BrevetException.malformed("not a request id: '" + text + "'", e);
        }
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
