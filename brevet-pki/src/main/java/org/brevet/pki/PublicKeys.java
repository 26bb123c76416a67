package org.brevet.pki;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;

/** Converts public keys between their SubjectPublicKeyInfo encoding and JCA objects. */
public final class PublicKeys {
    private PublicKeys() {
    }

    /** Decodes a DER SubjectPublicKeyInfo; EC keys are BouncyCastle objects, RSA keys JDK objects. */
    public static PublicKey fromDer(Der spki) {
        try {
            return from(SubjectPublicKeyInfo.getInstance(spki.bytes()));
        } catch (IllegalArgumentException e) {
            throw BrevetException.malformed("not a SubjectPublicKeyInfo", e);
        }
    }

    static PublicKey from(SubjectPublicKeyInfo spki) {
        String oid = spki.getAlgorithm().getAlgorithm().getId();
        try {
            byte[] encoded = spki.getEncoded("DER");
            if (oid.equals(X9ObjectIdentifiers.id_ecPublicKey.getId())) {
                return KeyFactory.getInstance("EC", Providers.bc()).generatePublic(new X509EncodedKeySpec(encoded));
            }
            if (oid.equals(PKCSObjectIdentifiers.rsaEncryption.getId())) {
                return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(encoded));
            }
            return KeyFactory.getInstance(oid, Providers.bc()).generatePublic(new X509EncodedKeySpec(encoded));
        } catch (NoSuchAlgorithmException e) {
            throw BrevetException.malformed("unsupported public key algorithm " + oid, e);
        } catch (GeneralSecurityException | IOException | RuntimeException e) {
            throw BrevetException.malformed("invalid public key", e);
        }
    }

    /** The DER SubjectPublicKeyInfo of the key. */
    public static Der toDer(PublicKey key) {
        return Der.of(key.getEncoded());
    }

    /**
     * The key identifier of RFC 5280 §4.2.1.2 method 1: the SHA-1 hash of the subjectPublicKey BIT STRING
     * (excluding tag, length and unused-bits octet). Used for SKI and AKI.
     */
    public static Der keyIdentifier(PublicKey key) {
        SubjectPublicKeyInfo spki = SubjectPublicKeyInfo.getInstance(key.getEncoded());
        return keyIdentifier(spki);
    }

    static Der keyIdentifier(SubjectPublicKeyInfo spki) {
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            return Der.of(sha1.digest(spki.getPublicKeyData().getBytes()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is always available", e);
        }
    }
}
