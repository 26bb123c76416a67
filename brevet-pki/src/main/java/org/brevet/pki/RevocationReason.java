package org.brevet.pki;

import java.util.Locale;

/** CRLReason (RFC 5280 §5.3.1), with its code; value 7 is unused by the RFC. */
public enum RevocationReason {
    UNSPECIFIED(0, "unspecified"),
    KEY_COMPROMISE(1, "keyCompromise"),
    CA_COMPROMISE(2, "cACompromise"),
    AFFILIATION_CHANGED(3, "affiliationChanged"),
    SUPERSEDED(4, "superseded"),
    CESSATION_OF_OPERATION(5, "cessationOfOperation"),
    CERTIFICATE_HOLD(6, "certificateHold"),
    REMOVE_FROM_CRL(8, "removeFromCRL"),
    PRIVILEGE_WITHDRAWN(9, "privilegeWithdrawn"),
    AA_COMPROMISE(10, "aACompromise");

    private final int code;
    private final String rfcName;

    RevocationReason(int code, String rfcName) {
        this.code = code;
        this.rfcName = rfcName;
    }

    public int code() {
        return code;
    }

    /** The RFC 5280 name ("keyCompromise"). */
    public String rfcName() {
        return rfcName;
    }

    public static RevocationReason fromCode(int code) {
        for (RevocationReason r : values()) {
            if (r.code == code) {
                return r;
            }
        }
        throw new BrevetException(ErrorKind.MALFORMED, "unknown revocation reason code " + code);
    }

    /**
     * Parses a code ("1"), the RFC name ("keyCompromise"), the enum name ("KEY_COMPROMISE") or Dogtag's
     * spelling ("Key_Compromise"), case-insensitively.
     */
    public static RevocationReason parse(String text) {
        String s = text.trim();
        if (!s.isEmpty() && s.chars().allMatch(Character::isDigit)) {
            return fromCode(Integer.parseInt(s));
        }
        String key = s.replace("_", "").replace("-", "").toLowerCase(Locale.ROOT);
        for (RevocationReason r : values()) {
            if (r.rfcName.toLowerCase(Locale.ROOT).equals(key)) {
                return r;
            }
        }
        throw new BrevetException(ErrorKind.MALFORMED, "unknown revocation reason '" + text + "'");
    }
}
