package org.brevet.protocol.crmf;

import java.io.IOException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.crmf.EncryptedKey;
import org.bouncycastle.asn1.crmf.EncryptedValue;
import org.bouncycastle.asn1.crmf.PKIArchiveOptions;
import org.brevet.pki.BrevetException;
import org.brevet.pki.Der;

/**
 * The CRMF control id-regCtrl-pkiArchiveOptions (RFC 4211 §6.4) in its encryptedPrivKey form, carrying an
 * {@link EncryptedPrivateKey} (an EncryptedValue; the RFC 5652 EnvelopedData form is not supported, as in
 * Dogtag). The client wraps its new private key to the KRA transport certificate with {@link #wrap}; the KRA
 * {@link #parse}s it and unwraps with the transport private key.
 */
public final class ArchiveOptions {
    /** The CRMF control type id-regCtrl-pkiArchiveOptions (RFC 4211 §6.4). */
    public static final String CONTROL_OID = "1.3.6.1.5.5.7.5.1.4";

    private final EncryptedPrivateKey encryptedKey;

    private ArchiveOptions(EncryptedPrivateKey encryptedKey) {
        this.encryptedKey = encryptedKey;
    }

    /**
     * Wraps {@code key} for the KRA whose transport public key is {@code transportKey} (CRMFPopClient {@code -b}):
     * an AES session key wraps the PKCS#8 with {@code keyWrap} ({@code -w}); the session key is wrapped to the
     * transport key with {@code sessionKeyWrapping} (RSA-OAEP-SHA-256 unless talking to an old KRA).
     */
    public static ArchiveOptions wrap(PrivateKey key, PublicKey transportKey, KeyWrapAlgorithm keyWrap,
            SessionKeyWrapping sessionKeyWrapping, SecureRandom random) {
        return new ArchiveOptions(EncryptedPrivateKey.wrap(key, transportKey, keyWrap, sessionKeyWrapping, random));
    }

    /** RSA-OAEP-SHA-256 for the session key. */
    public static ArchiveOptions wrap(PrivateKey key, PublicKey transportKey, KeyWrapAlgorithm keyWrap, SecureRandom random) {
        return wrap(key, transportKey, keyWrap, SessionKeyWrapping.RSA_OAEP_SHA256, random);
    }

    /**
     * Parses a DER PKIArchiveOptions (the value of the control, as {@link CrmfRequest#archiveOptions()} returns
     * it); MALFORMED unless it is encryptedPrivKey [0] holding an EncryptedValue with a supported algorithm.
     */
    public static ArchiveOptions parse(Der der) {
        PKIArchiveOptions options;
        try {
            options = PKIArchiveOptions.getInstance(org.bouncycastle.asn1.ASN1Primitive.fromByteArray(der.bytes()));
        } catch (IOException | RuntimeException e) {
            throw BrevetException.malformed("not a valid PKIArchiveOptions", e);
        }
        if (options.getType() != PKIArchiveOptions.encryptedPrivKey) {
            throw BrevetException.malformed("PKIArchiveOptions must carry encryptedPrivKey (keyGenParameters and "
                    + "archiveRemGenPrivKey are not supported)", null);
        }
        EncryptedKey key = EncryptedKey.getInstance(options.getValue());
        if (!key.isEncryptedValue()) {
            throw BrevetException.malformed("PKIArchiveOptions encryptedPrivKey must be an EncryptedValue (EnvelopedData is not supported)", null);
        }
        try {
            return new ArchiveOptions(EncryptedPrivateKey.of(EncryptedValue.getInstance(key.getValue())));
        } catch (BrevetException e) {
            throw e;
        } catch (RuntimeException e) {
            throw BrevetException.malformed("not a valid EncryptedValue in PKIArchiveOptions", e);
        }
    }

    public EncryptedPrivateKey encryptedKey() {
        return encryptedKey;
    }

    /** Unwraps the private key with the transport private key; BAD_POP when it was wrapped to another key. */
    public PrivateKey unwrap(PrivateKey transportKey) {
        return encryptedKey.unwrap(transportKey);
    }

    /** The DER PKIArchiveOptions (the control value to put in a CertRequest). */
    public Der toDer() {
        try {
            return Der.of(toBc().getEncoded(ASN1Encoding.DER));
        } catch (IOException e) {
            throw new IllegalStateException("cannot encode PKIArchiveOptions", e);
        }
    }

    public PKIArchiveOptions toBc() {
        return new PKIArchiveOptions(new EncryptedKey(encryptedKey.toBc()));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ArchiveOptions other && encryptedKey.equals(other.encryptedKey);
    }

    @Override
    public int hashCode() {
        return encryptedKey.hashCode();
    }

    @Override
    public String toString() {
        return "ArchiveOptions[" + encryptedKey + "]";
    }
}
