package org.brevet.ca.api;

import java.util.Locale;

/** Status of an issued certificate as users search for it. */
public enum CertificateStatus {
    VALID,
    REVOKED,
    EXPIRED;

    public static CertificateStatus parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw org.brevet.pki.BrevetException.malformed(
                    "unknown certificate status '" + text + "' (VALID, REVOKED, EXPIRED)", e);
        }
    }
}
