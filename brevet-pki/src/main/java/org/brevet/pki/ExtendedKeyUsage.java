package org.brevet.pki;

import java.util.Locale;
import java.util.Map;

/** Well-known extendedKeyUsage purposes (RFC 5280 §4.2.1.12), as dotted OIDs. */
public final class ExtendedKeyUsage {
    public static final String SERVER_AUTH = "1.3.6.1.5.5.7.3.1";
    public static final String CLIENT_AUTH = "1.3.6.1.5.5.7.3.2";
    public static final String CODE_SIGNING = "1.3.6.1.5.5.7.3.3";
    public static final String EMAIL_PROTECTION = "1.3.6.1.5.5.7.3.4";
    public static final String TIME_STAMPING = "1.3.6.1.5.5.7.3.8";
    public static final String OCSP_SIGNING = "1.3.6.1.5.5.7.3.9";
    /** id-pkinit-KPClientAuth (RFC 4556). */
    public static final String PKINIT_CLIENT_AUTH = "1.3.6.1.5.2.3.4";
    /** id-pkinit-KPKdc (RFC 4556). */
    public static final String PKINIT_KDC = "1.3.6.1.5.2.3.5";

    private static final Map<String, String> BY_NAME = Map.of(
            "serverauth", SERVER_AUTH,
            "clientauth", CLIENT_AUTH,
            "codesigning", CODE_SIGNING,
            "emailprotection", EMAIL_PROTECTION,
            "timestamping", TIME_STAMPING,
            "ocspsigning", OCSP_SIGNING,
            "pkinitclientauth", PKINIT_CLIENT_AUTH,
            "pkinitkdc", PKINIT_KDC);

    private ExtendedKeyUsage() {
    }

    /** Resolves a name ("serverAuth", "id-kp-serverAuth", "OCSPSigning") or validates a dotted OID. */
    public static String oidOf(String nameOrOid) {
        String s = nameOrOid.trim();
        if (!s.isEmpty() && Character.isDigit(s.charAt(0))) {
            return new RawExtension(s, false, Der.of(new byte[0])).oid();
        }
        String key = s.toLowerCase(Locale.ROOT).replace("id-kp-", "").replace("-", "").replace("_", "");
        String oid = BY_NAME.get(key);
        if (oid == null) {
            throw new BrevetException(ErrorKind.MALFORMED, "unknown extended key usage '" + nameOrOid + "'");
        }
        return oid;
    }
}
