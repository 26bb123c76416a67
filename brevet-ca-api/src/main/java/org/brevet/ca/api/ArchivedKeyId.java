package org.brevet.ca.api;

/** The id of an archived key, printed and parsed in decimal as Dogtag prints key ids. */
public record ArchivedKeyId(long value) {
    public ArchivedKeyId {
        if (value <= 0) {
            throw org.brevet.pki.BrevetException.malformed("key id must be positive", null);
        }
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
