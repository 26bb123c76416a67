package org.brevet.protocol.crmf;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.crmf.EncryptedValue;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.oiw.OIWObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.RSAESOAEPparams;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.engines.RFC5649WrapEngine;
import org.bouncycastle.crypto.params.KeyParameter;
import org.brevet.pki.BrevetException;
import org.brevet.pki.Der;
import org.brevet.pki.ErrorKind;
import org.brevet.pki.PrivateKeys;

/**
 * A private key in a CRMF EncryptedValue (RFC 4211 §6.4 / RFC 4210 EncryptedValue), as Dogtag's
 * CRMFPopClient writes it: the PKCS#8 PrivateKeyInfo wrapped under a random AES session key (encValue, algorithm
 * in symmAlg with the IV as an OCTET STRING parameter), the session key wrapped to an RSA key (encSymmKey,
 * algorithm in keyAlg). The KRA also uses it as the envelope of stored keys (wrapped to its storage key).
 *
 * <p>When keyAlg is absent (Dogtag leaves it out and relies on server configuration), unwrapping tries
 * RSA-OAEP-SHA-256, RSA-OAEP-SHA-1 and then PKCS#1 v1.5. A wrong recipient key fails with BAD_POP.
 */
public final class EncryptedPrivateKey {
    private static final ASN1ObjectIdentifier SHA256 = NISTObjectIdentifiers.id_sha256;

    private final EncryptedValue value;
    private final KeyWrapAlgorithm keyWrap;

    private EncryptedPrivateKey(EncryptedValue value) {
        this.value = value;
        if (value.getSymmAlg() == null || value.getEncSymmKey() == null) {
            throw BrevetException.malformed("EncryptedValue has no symmAlg or encSymmKey (only session-key wrapping is supported)", null);
        }
        this.keyWrap = KeyWrapAlgorithm.fromOid(value.getSymmAlg().getAlgorithm().getId());
        if (keyWrap.isCbc() && iv().length != 16) {
            throw BrevetException.malformed("EncryptedValue symmAlg " + keyWrap.dogtagName() + " needs a 16-byte IV", null);
        }
    }

    /** Parses a DER EncryptedValue; MALFORMED otherwise (or for an unsupported symmetric algorithm). */
    public static EncryptedPrivateKey parse(Der der) {
        try {
            return of(EncryptedValue.getInstance(der.bytes()));
        } catch (BrevetException e) {
            throw e;
        } catch (RuntimeException e) {
            throw BrevetException.malformed("not a valid CRMF EncryptedValue", e);
        }
    }

    static EncryptedPrivateKey of(EncryptedValue value) {
        return new EncryptedPrivateKey(value);
    }

    /**
     * Wraps a private key for the holder of {@code recipient} (an RSA public key): a fresh AES session key of
     * the size {@code keyWrap} names wraps the PKCS#8, and {@code sessionKeyWrapping} wraps the session key.
     */
    public static EncryptedPrivateKey wrap(PrivateKey key, PublicKey recipient, KeyWrapAlgorithm keyWrap,
            SessionKeyWrapping sessionKeyWrapping, SecureRandom random) {
        byte[] pkcs8 = key.getEncoded();
        if (pkcs8 == null) {
            throw new BrevetException(ErrorKind.MALFORMED, "the private key cannot be exported (a token key cannot be archived)");
        }
        try {
            return wrap(Der.of(pkcs8), recipient, keyWrap, sessionKeyWrapping, random);
        } finally {
            Arrays.fill(pkcs8, (byte) 0);
        }
    }

    /** As {@link #wrap(PrivateKey, PublicKey, KeyWrapAlgorithm, SessionKeyWrapping, SecureRandom)}, from PKCS#8 DER. */
    public static EncryptedPrivateKey wrap(Der pkcs8, PublicKey recipient, KeyWrapAlgorithm keyWrap,
            SessionKeyWrapping sessionKeyWrapping, SecureRandom random) {
        if (!"RSA".equalsIgnoreCase(recipient.getAlgorithm())) {
            throw new BrevetException(ErrorKind.MALFORMED, "the transport or storage key must be RSA, not " + recipient.getAlgorithm());
        }
        byte[] sessionKey = new byte[keyWrap.keyBytes()];
        byte[] iv = new byte[16];
        random.nextBytes(sessionKey);
        random.nextBytes(iv);
        byte[] data = pkcs8.bytes();
        try {
            byte[] encValue = keyWrap.isCbc() ? cbc(Cipher.ENCRYPT_MODE, sessionKey, iv, data) : kwpWrap(sessionKey, data);
            Cipher rsa = Cipher.getInstance(sessionKeyWrapping.transformation());
            rsa.init(Cipher.ENCRYPT_MODE, recipient, sessionKeyWrapping.parameters(), random);
            byte[] encSymmKey = rsa.doFinal(sessionKey);
            // Dogtag writes the IV parameter for key wrap too (it ignores it there); so do we, for its parser.
            AlgorithmIdentifier symmAlg = new AlgorithmIdentifier(new ASN1ObjectIdentifier(keyWrap.oid()), new DEROctetString(iv));
            return new EncryptedPrivateKey(new EncryptedValue(null, symmAlg, new DERBitString(encSymmKey),
                    sessionKeyWrapping.algorithmIdentifier(), null, new DERBitString(encValue)));
        } catch (GeneralSecurityException e) {
            throw new BrevetException(ErrorKind.INTERNAL, "cannot wrap the private key", e);
        } finally {
            Arrays.fill(sessionKey, (byte) 0);
            Arrays.fill(data, (byte) 0);
        }
    }

    public KeyWrapAlgorithm keyWrapAlgorithm() {
        return keyWrap;
    }

    /** The session-key wrappings unwrapping will try, in order (one when keyAlg names it). */
    public List<SessionKeyWrapping> sessionKeyWrappings() {
        AlgorithmIdentifier keyAlg = value.getKeyAlg();
        if (keyAlg == null) {
            return List.of(SessionKeyWrapping.RSA_OAEP_SHA256, SessionKeyWrapping.RSA_OAEP_SHA1, SessionKeyWrapping.RSA_PKCS1);
        }
        ASN1ObjectIdentifier oid = keyAlg.getAlgorithm();
        if (oid.equals(PKCSObjectIdentifiers.rsaEncryption)) {
            return List.of(SessionKeyWrapping.RSA_PKCS1);
        }
        if (oid.equals(PKCSObjectIdentifiers.id_RSAES_OAEP)) {
            RSAESOAEPparams p = RSAESOAEPparams.getInstance(keyAlg.getParameters());
            ASN1ObjectIdentifier hash = p == null ? OIWObjectIdentifiers.idSHA1 : p.getHashAlgorithm().getAlgorithm();
            if (hash.equals(SHA256)) {
                return List.of(SessionKeyWrapping.RSA_OAEP_SHA256);
            }
            if (hash.equals(OIWObjectIdentifiers.idSHA1)) {
                return List.of(SessionKeyWrapping.RSA_OAEP_SHA1);
            }
            throw BrevetException.malformed("unsupported RSA-OAEP hash " + hash.getId() + " (SHA-256 or SHA-1 expected)", null);
        }
        throw BrevetException.malformed("unsupported session key wrapping " + oid.getId() + " (RSA-OAEP or RSA PKCS#1 v1.5 expected)", null);
    }

    /**
     * Unwraps the PKCS#8 PrivateKeyInfo with the recipient's private key.
     *
     * @throws BrevetException BAD_POP when the session key was not wrapped to this key or the data does not
     *                         unwrap to a private key; MALFORMED for an unsupported keyAlg
     */
    public Der unwrapPkcs8(PrivateKey recipient) {
        byte[] sessionKey = unwrapSessionKey(recipient);
        try {
            byte[] enc = value.getEncValue().getOctets();
            byte[] pkcs8 = keyWrap.isCbc() ? cbc(Cipher.DECRYPT_MODE, sessionKey, iv(), enc) : kwpUnwrap(sessionKey, enc);
            try {
                Der der = Der.of(pkcs8);
                PrivateKeys.fromDer(der);
                return der;
            } finally {
                Arrays.fill(pkcs8, (byte) 0);
            }
        } catch (GeneralSecurityException | InvalidCipherTextException | BrevetException | IllegalArgumentException e) {
            throw notForThisKey(e);
        } finally {
            Arrays.fill(sessionKey, (byte) 0);
        }
    }

    /** {@link #unwrapPkcs8} decoded as a private key. */
    public PrivateKey unwrap(PrivateKey recipient) {
        return PrivateKeys.fromDer(unwrapPkcs8(recipient));
    }

    /** The DER EncryptedValue. */
    public Der toDer() {
        try {
            return Der.of(value.getEncoded(ASN1Encoding.DER));
        } catch (IOException e) {
            throw new IllegalStateException("cannot encode an EncryptedValue", e);
        }
    }

    EncryptedValue toBc() {
        return value;
    }

    private byte[] unwrapSessionKey(PrivateKey recipient) {
        byte[] encSymmKey = value.getEncSymmKey().getOctets();
        GeneralSecurityException last = null;
        for (SessionKeyWrapping w : sessionKeyWrappings()) {
            try {
                Cipher rsa = Cipher.getInstance(w.transformation());
                rsa.init(Cipher.DECRYPT_MODE, recipient, w.parameters());
                byte[] key = rsa.doFinal(encSymmKey);
                if (key.length == keyWrap.keyBytes()) {
                    return key;
                }
                Arrays.fill(key, (byte) 0);
            } catch (GeneralSecurityException | RuntimeException e) {
                last = e instanceof GeneralSecurityException g ? g : new GeneralSecurityException(e);
            }
        }
        throw notForThisKey(last);
    }

    private byte[] iv() {
        ASN1OctetString iv = ASN1OctetString.getInstance(value.getSymmAlg().getParameters());
        if (iv == null) {
            throw BrevetException.malformed("EncryptedValue symmAlg has no IV", null);
        }
        return iv.getOctets();
    }

    private static BrevetException notForThisKey(Exception cause) {
        return new BrevetException(ErrorKind.BAD_POP,
                "the archived private key was not wrapped to this key (wrong transport certificate?) or is corrupt", cause);
    }

    private static byte[] cbc(int mode, byte[] key, byte[] iv, byte[] data) throws GeneralSecurityException {
        Cipher aes = Cipher.getInstance("AES/CBC/PKCS5Padding");
        aes.init(mode, new SecretKeySpec(key, "AES"), new IvParameterSpec(iv));
        return aes.doFinal(data);
    }

    private static byte[] kwpWrap(byte[] key, byte[] data) {
        RFC5649WrapEngine engine = new RFC5649WrapEngine(AESEngine.newInstance());
        engine.init(true, new KeyParameter(key));
        return engine.wrap(data, 0, data.length);
    }

    private static byte[] kwpUnwrap(byte[] key, byte[] data) throws InvalidCipherTextException {
        RFC5649WrapEngine engine = new RFC5649WrapEngine(AESEngine.newInstance());
        engine.init(false, new KeyParameter(key));
        return engine.unwrap(data, 0, data.length);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EncryptedPrivateKey other && toDer().equals(other.toDer());
    }

    @Override
    public int hashCode() {
        return toDer().hashCode();
    }

    @Override
    public String toString() {
        return "EncryptedPrivateKey[" + keyWrap.dogtagName() + "]";
    }
}
