package org.brevet.protocol.cmc;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.brevet.pki.BrevetException;
import org.brevet.pki.ErrorKind;
import org.brevet.pki.Secret;

/**
 * The witness of CMC's shared-secret proofs (RFC 5272 §6.2.2 identityProofV2, §6.3.1.1 popLinkWitnessV2),
 * computed as Dogtag computes it: the MAC key is the hash of the secret's UTF-8 bytes, the witness the
 * HMAC of the data (the DER reqSequence for identityProofV2, the popLinkRandom value for
 * popLinkWitnessV2) under that key.
 */
public final class SharedSecretMac {
    private SharedSecretMac() {
    }

    /** The MAC key the secret yields: {@code hash(UTF-8(secret))}. The server may store this instead of the secret. */
    public static byte[] key(MacAlgorithm hash, Secret secret) {
        ByteBuffer utf8 = StandardCharsets.UTF_8.encode(CharBuffer.wrap(secret.chars()));
        byte[] bytes = new byte[utf8.remaining()];
        utf8.get(bytes);
        try {
            return MessageDigest.getInstance(hash.digestName()).digest(bytes);
        } catch (GeneralSecurityException e) {
            throw new BrevetException(ErrorKind.INTERNAL, hash.digestName() + " is not available", e);
        } finally {
            Arrays.fill(bytes, (byte) 0);
            if (utf8.hasArray()) {
                Arrays.fill(utf8.array(), (byte) 0);
            }
        }
    }

    /** HMAC(key, data). */
    public static byte[] witness(MacAlgorithm mac, byte[] key, byte[] data) {
        try {
            Mac m = Mac.getInstance(mac.hmacName());
            m.init(new SecretKeySpec(key, mac.hmacName()));
            return m.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new BrevetException(ErrorKind.INTERNAL, mac.hmacName() + " is not available", e);
        }
    }

    /** Constant-time comparison of the expected witness with the one received. */
    public static boolean matches(MacAlgorithm mac, byte[] key, byte[] data, byte[] received) {
        return MessageDigest.isEqual(witness(mac, key, data), received);
    }
}
