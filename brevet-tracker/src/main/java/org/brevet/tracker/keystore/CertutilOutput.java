package org.brevet.tracker.keystore;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.brevet.pki.BrevetException;
import org.brevet.pki.Certificate;
import org.brevet.pki.Csr;
import org.brevet.pki.ErrorKind;

/**
 * What certutil prints, read back: PEM certificates ({@code -L -a}), a PEM request ({@code -R -a}), the key
 * list ({@code -K}), and its failures turned into one clear {@link BrevetException} (a wrong PIN is
 * {@code UNAUTHORIZED}, so the request waits in a NEED_*_PIN state).
 */
final class CertutilOutput {
    private static final Pattern KEY_LINE = Pattern.compile("^<\\s*\\d+>\\s+(\\w+)\\s+([0-9a-fA-F]+)\\s+(.*)$");
    private static final Pattern PEM = Pattern.compile(
            "-----BEGIN (?:NEW )?CERTIFICATE(?: REQUEST)?-----[^-]+-----END (?:NEW )?CERTIFICATE(?: REQUEST)?-----");

    private CertutilOutput() {
    }

    static List<Certificate> certificates(String text) {
        List<Certificate> out = new ArrayList<>();
        Matcher m = PEM.matcher(text);
        while (m.find()) {
            out.add(Certificate.parse(m.group()));
        }
        return out;
    }

    static Csr request(String text) {
        Matcher m = PEM.matcher(text);
        if (!m.find()) {
            throw new BrevetException(ErrorKind.UNAVAILABLE, "certutil printed no certificate request");
        }
        return Csr.parse(m.group().replace("NEW CERTIFICATE REQUEST", "CERTIFICATE REQUEST"));
    }

    /** Key id to label ({@code NSS Certificate DB:NICK}, or {@code (orphan)} for a key without certificate). */
    static Map<String, String> keys(String text) {
        Map<String, String> keys = new HashMap<>();
        for (String line : text.split("\n")) {
            Matcher m = KEY_LINE.matcher(line.trim());
            if (m.matches()) {
                keys.put(m.group(2).toLowerCase(Locale.ROOT), m.group(3).trim());
            }
        }
        return keys;
    }

    static boolean saysNoKeys(Certutil.Result r) {
        return !r.ok() && (r.stderr() + r.stdout()).contains("no keys found");
    }

    /** Throws for a wrong PIN, a database that cannot be opened or a missing token; returns otherwise. */
    static void failOnAccessProblem(String what, Certutil.Result r, String database, String token) {
        String err = r.stderr() + r.stdout();
        if (err.contains("SEC_ERROR_BAD_PASSWORD") || err.contains("Incorrect password")
                || err.contains("password file contains no data")) {
            throw new BrevetException(ErrorKind.UNAUTHORIZED, "wrong or missing PIN for the NSS database " + database
                    + (token == null ? "" : " token \"" + token + "\"") + ": cannot " + what + " it");
        }
        if (err.contains("SEC_ERROR_BAD_DATABASE") || err.contains("SEC_ERROR_READ_ONLY")) {
            throw new BrevetException(ErrorKind.UNAVAILABLE, "cannot " + what + " the NSS database " + database
                    + " (missing, locked by another program, or damaged): " + reason(r));
        }
        if (err.contains("SEC_ERROR_NO_TOKEN") || err.contains("could not find the slot")
                || err.contains("Unable to find token")) {
            throw new BrevetException(ErrorKind.UNAVAILABLE, "token \"" + token + "\" not found in the NSS database "
                    + database + ": " + reason(r));
        }
    }

    /** stdout of a successful run; else the clearest exception for the failure. */
    static String checked(String what, Certutil.Result r, String database, String token) {
        if (!r.ok()) {
            failOnAccessProblem(what, r, database, token);
            throw new BrevetException(ErrorKind.UNAVAILABLE, "cannot " + what + " the NSS database " + database + ": "
                    + reason(r));
        }
        return r.stdout();
    }

    private static String reason(Certutil.Result r) {
        String text = (r.stderr() + " " + r.stdout()).replace('\n', ' ').replaceAll("\\s+", " ").trim();
        return text.isEmpty() ? "certutil exit status " + r.exitCode() : text;
    }
}
