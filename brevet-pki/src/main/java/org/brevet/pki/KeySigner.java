package org.brevet.pki;

import java.io.OutputStream;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.Signature;
import java.security.SignatureException;
import java.util.Objects;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.RuntimeOperatorException;

/** {@link Signer} over a JCA private key; one {@link Signature} object per signature, so thread-safe. */
final class KeySigner implements Signer {
    private final PrivateKey privateKey;
    private final PublicKey publicKey;
    private final SignatureAlgorithm algorithm;
    private final Provider provider;

    KeySigner(PrivateKey privateKey, PublicKey publicKey, SignatureAlgorithm algorithm, Provider provider) {
        this.privateKey = Objects.requireNonNull(privateKey, "privateKey");
        this.publicKey = Objects.requireNonNull(publicKey, "publicKey");
        this.algorithm = Objects.requireNonNull(algorithm, "algorithm");
        this.provider = provider;
        KeyAlgorithm keyAlg = KeySpec.of(publicKey).algorithm();
        if (keyAlg != algorithm.keyAlgorithm()) {
            throw new IllegalArgumentException(algorithm.jcaName() + " cannot be used with a " + keyAlg + " key");
        }
    }

    @Override
    public AlgorithmIdentifier algorithmIdentifier() {
        return algorithm.algorithmIdentifier();
    }

    @Override
    public SignatureAlgorithm signatureAlgorithm() {
        return algorithm;
    }

    @Override
    public PublicKey publicKey() {
        return publicKey;
    }

    @Override
    public ContentSigner contentSigner() {
        Signature signature = newSignature();
        return new ContentSigner() {
            private final OutputStream out = new OutputStream() {
                @Override
                public void write(int b) {
                    update(new byte[] {(byte) b}, 0, 1);
                }

                @Override
                public void write(byte[] b, int off, int len) {
                    update(b, off, len);
                }

                private void update(byte[] b, int off, int len) {
                    try {
                        signature.update(b, off, len);
                    } catch (SignatureException e) {
                        throw new RuntimeOperatorException("signature update failed", e);
                    }
                }
            };

            @Override
            public AlgorithmIdentifier getAlgorithmIdentifier() {
                return algorithm.algorithmIdentifier();
            }

            @Override
            public OutputStream getOutputStream() {
                return out;
            }

            @Override
            public byte[] getSignature() {
                try {
                    return CryptoGate.run(signature::sign);
                } catch (GeneralSecurityException e) {
                    throw new BrevetException(ErrorKind.UNAVAILABLE, "the signing key could not sign", e);
                }
            }
        };
    }

    private Signature newSignature() {
        if (provider == null) {
            return Providers.signatureForSigning(algorithm.jcaName(), privateKey);
        }
        try {
            Signature s = Signature.getInstance(algorithm.jcaName(), provider);
            s.initSign(privateKey);
            return s;
        } catch (GeneralSecurityException e) {
            throw new BrevetException(ErrorKind.UNAVAILABLE, "cannot sign with " + algorithm.jcaName()
                    + " on " + provider.getName(), e);
        }
    }

    @Override
    public String toString() {
        return "Signer[" + algorithm.jcaName() + "]";
    }
}
