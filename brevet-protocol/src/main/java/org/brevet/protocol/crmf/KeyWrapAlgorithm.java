package org.brevet.protocol.crmf;

import java.util.Arrays;
import java.util.Locale;
import org.brevet.pki.BrevetException;
import org.brevet.pki.ErrorKind;

/**
 * How a private key is wrapped under the AES session key of an {@link EncryptedPrivateKey}; named in the
 * EncryptedValue's symmAlg by OID, and chosen on the client by CRMFPopClient's {@code -w} option (whose
 * names {@link #parse} accepts).
 */
public enum KeyWrapAlgorithm {
    /** AES key wrap with padding (RFC 5649) under AES-128: Dogtag's default, "AES KeyWrap/Padding". */
    AES_128_KEY_WRAP_PAD("2.16.840.1.101.3.4.1.8", 16, false, "AES KeyWrap/Padding"),
    /** AES key wrap with padding (RFC 5649) under AES-256 (what the KRA uses for its storage envelope). */
    AES_256_KEY_WRAP_PAD("2.16.840.1.101.3.4.1.48", 32, false, "AES-256 KeyWrap/Padding"),
    /** AES-128 in CBC mode with PKCS#5 padding (RFC 3565 OID, the IV in the parameters): "AES/CBC/PKCS5Padding". */
    AES_128_CBC_PAD("2.16.840.1.101.3.4.1.2", 16, true, "AES/CBC/PKCS5Padding"),
    /** AES-256 in CBC mode with PKCS#5 padding. */
    AES_256_CBC_PAD("2.16.840.1.101.3.4.1.42", 32, true, "AES-256/CBC/PKCS5Padding");

    private final String oid;
    private final int keyBytes;
    private final boolean cbc;
    private final String dogtagName;

    KeyWrapAlgorithm(String oid, int keyBytes, boolean cbc, String dogtagName) {
        this.oid = oid;
        this.keyBytes = keyBytes;
        this.cbc = cbc;
        this.dogtagName = dogtagName;
    }

    public String oid() {
        return oid;
    }

    /** The AES session key length in bytes. */
    public int keyBytes() {
        return keyBytes;
    }

    /** Whether this is CBC (an IV is needed) rather than RFC 5649 key wrap. */
    public boolean isCbc() {
        return cbc;
    }

    /** The name CRMFPopClient's {@code -w} option uses. */
    public String dogtagName() {
        return dogtagName;
    }

    /** By OID (the symmAlg of an EncryptedValue); MALFORMED for anything else. */
    public static KeyWrapAlgorithm fromOid(String oid) {
        return Arrays.stream(values()).filter(a -> a.oid.equals(oid)).findFirst()
                .orElseThrow(() -> new BrevetException(ErrorKind.MALFORMED, "unsupported key wrap algorithm " + oid
                        + " (AES key wrap with padding or AES-CBC-PAD expected)"));
    }

    /**
     * By CRMFPopClient's {@code -w} name ("AES KeyWrap/Padding", "AES/CBC/PKCS5Padding"), by this enum's
     * name, or by a short form ("kwp", "cbc"); MALFORMED otherwise, listing the choices.
     */
    public static KeyWrapAlgorithm parse(String text) {
        String t = text.trim();
        for (KeyWrapAlgorithm a : values()) {
            if (a.dogtagName.equalsIgnoreCase(t) || a.name().equalsIgnoreCase(t.replace('-', '_'))) {
                return a;
            }
        }
        switch (t.toLowerCase(Locale.ROOT)) {
            case "kwp": case "aes-kwp": return AES_128_KEY_WRAP_PAD;
            case "cbc": case "aes-cbc-pad": return AES_128_CBC_PAD;
            default:
                throw new BrevetException(ErrorKind.MALFORMED, "unknown key wrap algorithm '" + t
                        + "' (use \"AES KeyWrap/Padding\" or \"AES/CBC/PKCS5Padding\")");
        }
    }
}
