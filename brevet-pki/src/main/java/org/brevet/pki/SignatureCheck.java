package org.brevet.pki;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.operator.ContentVerifier;
import org.bouncycastle.operator.OperatorCreationException;

/**
 * Verifies a signature over the DER of a to-be-signed structure. The algorithms Brevet signs with go
 * straight to a {@link Signature} from {@link Providers} (BouncyCastle for EC, about six times faster than
 * SunEC, and half the cost of BouncyCastle's generic verifier path); any other algorithm (RSASSA-PSS,
 * Ed25519, ...) goes through BouncyCastle's ContentVerifierProvider.
 */
final class SignatureCheck {
    private SignatureCheck() {
    }

    static boolean isValid(AlgorithmIdentifier algorithm, ASN1Encodable toBeSigned, byte[] signature, PublicKey key) {
        try {
            byte[] tbs = toBeSigned.toASN1Primitive().getEncoded(ASN1Encoding.DER);
            Optional<SignatureAlgorithm> known = SignatureAlgorithm.fromIdentifier(algorithm);
            if (known.isPresent() && known.get().keyAlgorithm().name().equals(keyAlgorithm(key))) {
                Signature s = Providers.signature(known.get().jcaName(), key.getAlgorithm());
                s.initVerify(key);
                s.update(tbs);
                return CryptoGate.run(() -> s.verify(signature));
            }
            ContentVerifier v = Providers.verifierProvider(key).get(algorithm);
            v.getOutputStream().write(tbs);
            return v.verify(signature);
        } catch (GeneralSecurityException | IOException | OperatorCreationException | RuntimeException e) {
            // unsupported algorithm, a key that does not fit it, or a signature value that is not well-formed
            return false;
        }
    }

    private static String keyAlgorithm(PublicKey key) {
        return Providers.isEc(key.getAlgorithm()) ? "EC" : key.getAlgorithm();
    }
}
