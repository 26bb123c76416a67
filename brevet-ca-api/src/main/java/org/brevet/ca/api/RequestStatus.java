package org.brevet.ca.api;

import java.util.Locale;

/** Life cycle of a certificate request (Dogtag's request states). */
public enum RequestStatus {
    /** Waiting for an agent. */
    PENDING,
    /** Approved and issued. */
    COMPLETE,
    /** Refused by an agent or by policy. */
    REJECTED,
    /** Withdrawn by an agent. */
    CANCELED;

    /** Lower-case name as used in JSON and query strings. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static RequestStatus parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw org.brevet.pki.BrevetException.malformed(
                    "unknown request status '" + text + "' (pending, complete, rejected, canceled)", e);
        }
    }
}
