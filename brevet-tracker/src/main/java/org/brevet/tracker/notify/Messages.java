package org.brevet.tracker.notify;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.brevet.tracker.api.Storage;
import org.brevet.tracker.api.StorageType;

/**
 * certmonger 0.79.17's notification texts (reference §8.1), for file and NSS storage. Times are printed
 * {@code YYYY-MM-DD HH:MM:SS UTC} as 0.79.17 does.
 */
public final class Messages {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'");

    private Messages() {
    }

    public static String willExpire(Storage cert, Instant notAfter) {
        String when = TIME.format(notAfter.atOffset(ZoneOffset.UTC));
        if (isNss(cert)) {
            return cert.token() != null
                    ? "Certificate named \"" + cert.nickname() + "\" in token \"" + cert.token() + "\" in database \""
                            + cert.location() + "\" will not be valid after " + when + "."
                    : "Certificate named \"" + cert.nickname() + "\" in database \"" + cert.location() + "\" will expire at "
                            + when + ".";
        }
        return "Certificate in file \"" + cert.location() + "\" will not be valid after " + when + ".";
    }

    public static String expired(Storage cert) {
        return isNss(cert) ? named(cert) + " is no longer valid."
                : "Certificate in file \"" + cert.location() + "\" is no longer valid.";
    }

    public static String rejected(Storage cert) {
        if (isNss(cert)) {
            return "Request for certificate to be named \"" + cert.nickname() + "\"" + token(cert) + " in database \""
                    + cert.location() + "\" rejected by CA.";
        }
        return "Request for certificate to be stored in file \"" + cert.location() + "\" rejected by CA.";
    }

    public static String issuedNotSaved(Storage cert) {
        return subject(cert) + " issued by CA but not saved.";
    }

    public static String issuedAndSaved(Storage cert) {
        return subject(cert) + " issued by CA and saved.";
    }

    private static String subject(Storage cert) {
        return isNss(cert) ? named(cert) : "Certificate in file \"" + cert.location() + "\"";
    }

    private static String named(Storage cert) {
        return "Certificate named \"" + cert.nickname() + "\"" + token(cert) + " in database \"" + cert.location() + "\"";
    }

    private static String token(Storage cert) {
        return cert.token() == null ? "" : " in token \"" + cert.token() + "\"";
    }

    private static boolean isNss(Storage cert) {
        return cert.type() == StorageType.NSSDB;
    }
}
