package org.brevet.kra;

import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import org.brevet.pki.PrivateKeys;

/** Whether a private key belongs to a public key (RSA: modulus and exponent; EC: the point). */
final class KeyPairMatch {
    private KeyPairMatch() {
    }

    static boolean matches(PrivateKey privateKey, PublicKey publicKey) {
        PublicKey derived;
        try {
            derived = PrivateKeys.publicKeyOf(privateKey);
        } catch (RuntimeException e) {
            return false;
        }
        if (derived instanceof RSAPublicKey a && publicKey instanceof RSAPublicKey b) {
            return a.getModulus().equals(b.getModulus()) && a.getPublicExponent().equals(b.getPublicExponent());
        }
        if (derived instanceof ECPublicKey a && publicKey instanceof ECPublicKey b) {
            return a.getW().equals(b.getW()) && a.getParams().getCurve().equals(b.getParams().getCurve());
        }
        return false;
    }
}
