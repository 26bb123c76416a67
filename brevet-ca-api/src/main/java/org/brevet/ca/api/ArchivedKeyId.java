package org.brevet.ca.api;

/** The id of an archived key, printed and parsed in decimal as Dogtag prints key ids. */
public record ArchivedKeyId(long value) {
    public ArchivedKeyId {
        if (value <= 0) {
            throw org.brevet.pki.BrevetException.malformed("key id must be positive", null);
        }
    }

    /** A random positive 63-bit id, so that clones sharing a database never coordinate. */
    public static ArchivedKeyId random(java.security.SecureRandom random) {
        long v;
        do {
            v = random.nextLong() & Long.MAX_VALUE;
        } while (v == 0);
        return new ArchivedKeyId(v);
    }

    public static ArchivedKeyId parse(String text) {
        try {
            return new ArchivedKeyId(Long.parseLong(text.trim()));
        } catch (NumberFormatException e) {
            throw org.brevet.pki.BrevetException.malformed("not a key id: '" + text + "'", e);
        }
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
