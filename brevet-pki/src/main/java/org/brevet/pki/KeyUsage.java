package org.brevet.pki;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** The keyUsage bits of RFC 5280 §4.2.1.3, named as RFC 5280 and Dogtag's profiles name them. */
public enum KeyUsage {
    DIGITAL_SIGNATURE("digitalSignature", org.bouncycastle.asn1.x509.KeyUsage.digitalSignature),
    NON_REPUDIATION("nonRepudiation", org.bouncycastle.asn1.x509.KeyUsage.nonRepudiation),
    KEY_ENCIPHERMENT("keyEncipherment", org.bouncycastle.asn1.x509.KeyUsage.keyEncipherment),
    DATA_ENCIPHERMENT("dataEncipherment", org.bouncycastle.asn1.x509.KeyUsage.dataEncipherment),
    KEY_AGREEMENT("keyAgreement", org.bouncycastle.asn1.x509.KeyUsage.keyAgreement),
    KEY_CERT_SIGN("keyCertSign", org.bouncycastle.asn1.x509.KeyUsage.keyCertSign),
    CRL_SIGN("cRLSign", org.bouncycastle.asn1.x509.KeyUsage.cRLSign),
    ENCIPHER_ONLY("encipherOnly", org.bouncycastle.asn1.x509.KeyUsage.encipherOnly),
    DECIPHER_ONLY("decipherOnly", org.bouncycastle.asn1.x509.KeyUsage.decipherOnly);

    private final String rfcName;
    private final int bcBit;

    KeyUsage(String rfcName, int bcBit) {
        this.rfcName = rfcName;
        this.bcBit = bcBit;
    }

    /** The RFC 5280 name ("digitalSignature", "cRLSign"). */
    public String rfcName() {
        return rfcName;
    }

    /**
     * Parses the RFC name case-insensitively, Dogtag's profile spelling ({@code keyUsageDigitalSignature}),
     * the enum name ({@code DIGITAL_SIGNATURE}) and RFC 5280's newer {@code contentCommitment}.
     */
    public static KeyUsage parse(String text) {
        String s = text.trim().replace("_", "").toLowerCase(Locale.ROOT);
        if (s.startsWith("keyusage")) {
            s = s.substring("keyusage".length());
        }
        if (s.equals("contentcommitment")) {
            return NON_REPUDIATION;
        }
        for (KeyUsage u : values()) {
            if (u.rfcName.toLowerCase(Locale.ROOT).equals(s)) {
                return u;
            }
        }
        throw new BrevetException(ErrorKind.MALFORMED, "unknown key usage '" + text + "'");
    }

    static org.bouncycastle.asn1.x509.KeyUsage toBc(Set<KeyUsage> usages) {
        int bits = 0;
        for (KeyUsage u : usages) {
            bits |= u.bcBit;
        }
        return new org.bouncycastle.asn1.x509.KeyUsage(bits);
    }

    static Set<KeyUsage> fromBc(org.bouncycastle.asn1.x509.KeyUsage ku) {
        EnumSet<KeyUsage> out = EnumSet.noneOf(KeyUsage.class);
        for (KeyUsage u : values()) {
            if (ku.hasUsages(u.bcBit)) {
                out.add(u);
            }
        }
        return out;
    }
}
