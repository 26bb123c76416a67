package org.brevet.tracker.keystore;

import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Arrays;
import java.util.HexFormat;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.brevet.pki.BrevetException;
import org.brevet.pki.ErrorKind;

/**
 * NSS's CKA_ID for a key pair it generated, as {@code certutil -K} prints it and {@code certutil -R/-F -k}
 * accept it: SHA-1 of the RSA modulus (unsigned), or of the EC public point.
 */
final class NssKeyId {
    private NssKeyId() {
    }

    static String of(PublicKey key) {
        byte[] value;
        if (key instanceof RSAPublicKey rsa) {
            value = unsigned(rsa.getModulus());
        } else if (key instanceof ECPublicKey) {
            value = SubjectPublicKeyInfo.getInstance(key.getEncoded()).getPublicKeyData().getBytes();
        } else {
            throw new BrevetException(ErrorKind.MALFORMED, "unsupported key type " + key.getAlgorithm());
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(value));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is always available", e);
        }
    }

    private static byte[] unsigned(BigInteger n) {
        byte[] b = n.toByteArray();
        return b[0] == 0 ? Arrays.copyOfRange(b, 1, b.length) : b;
    }
}
