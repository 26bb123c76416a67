package org.brevet.pki;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.operator.ContentSigner;

/**
 * Signs with a private key held by a key token: a software key (PKCS#12 file, PEM), or later a key in an
 * HSM or NSS database reached through SunPKCS11. Implementations are thread-safe; {@link #contentSigner()}
 * is cheap and returns a new single-use signer each call.
 */
public interface Signer {
    /** The algorithm this signer produces, as it appears in signed structures. */
    AlgorithmIdentifier algorithmIdentifier();

    /** The signature algorithm. */
    SignatureAlgorithm signatureAlgorithm();

    /** The public half of the signing key. */
    PublicKey publicKey();

    /** A new BouncyCastle ContentSigner for one signature; not shared between threads. */
    ContentSigner contentSigner();

    /** Signs the bytes in one call. */
    default byte[] sign(byte[] data) {
        ContentSigner cs = contentSigner();
        try (OutputStream out = cs.getOutputStream()) {
            out.write(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return cs.getSignature();
    }

    /** A signer for a software or token key, choosing the algorithm from the key and the fastest provider. */
    static Signer of(PrivateKey privateKey, PublicKey publicKey) {
        return new KeySigner(privateKey, publicKey, SignatureAlgorithm.forKey(KeySpec.of(publicKey)), null);
    }

    /** As {@link #of(PrivateKey, PublicKey)} with an explicit algorithm. */
    static Signer of(PrivateKey privateKey, PublicKey publicKey, SignatureAlgorithm algorithm) {
        return new KeySigner(privateKey, publicKey, algorithm, null);
    }

    /** A signer whose key belongs to a specific provider (e.g. a SunPKCS11 instance for an HSM). */
    static Signer withProvider(PrivateKey privateKey, PublicKey publicKey, SignatureAlgorithm algorithm, Provider provider) {
        return new KeySigner(privateKey, publicKey, algorithm, provider);
    }
}
