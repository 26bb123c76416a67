package org.brevet.tracker.submit;

import java.io.IOException;
import java.security.KeyPair;
import java.util.Base64;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.asn1.DERIA5String;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.brevet.pki.Signer;

/**
 * The request as a Netscape SignedPublicKeyAndChallenge, base64, which certmonger hands to helpers as
 * {@code CERTMONGER_SPKAC} (reference §4.1) for CAs that still take SPKAC:
 * {@code SEQUENCE { SEQUENCE { SubjectPublicKeyInfo, IA5String challenge }, AlgorithmIdentifier, BIT STRING }},
 * signed with the request's key; the challenge is empty, as certmonger sends it without a challenge password.
 */
final class Spkac {
    private Spkac() {
    }

    static String sign(KeyPair key) {
        try {
            Signer signer = Signer.of(key.getPrivate(), key.getPublic());
            ASN1EncodableVector content = new ASN1EncodableVector();
            content.add(SubjectPublicKeyInfo.getInstance(key.getPublic().getEncoded()));
            content.add(new DERIA5String(""));
            DERSequence publicKeyAndChallenge = new DERSequence(content);
            byte[] signature = signer.sign(publicKeyAndChallenge.getEncoded(ASN1Encoding.DER));
            ASN1EncodableVector spkac = new ASN1EncodableVector();
            spkac.add(publicKeyAndChallenge);
            spkac.add(signer.algorithmIdentifier());
            spkac.add(new DERBitString(signature));
            return Base64.getEncoder().encodeToString(new DERSequence(spkac).getEncoded(ASN1Encoding.DER));
        } catch (IOException e) {
            throw new IllegalStateException("cannot encode an SPKAC", e);
        }
    }
}
