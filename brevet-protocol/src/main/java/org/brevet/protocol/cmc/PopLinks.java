package org.brevet.protocol.cmc;

import java.io.IOException;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.cmc.CMCObjectIdentifiers;
import org.bouncycastle.asn1.cmc.PopLinkWitnessV2;
import org.bouncycastle.asn1.pkcs.Attribute;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.PKCS10CertificationRequestBuilder;
import org.brevet.pki.Csr;
import org.brevet.pki.Der;
import org.brevet.pki.Secret;
import org.brevet.pki.Signer;
import org.brevet.protocol.crmf.CrmfRequestBuilder;

/**
 * The client half of popLinkWitnessV2 (RFC 5272 §6.3.1.1): the witness is HMAC(hash(secret), R) where R
 * is the popLinkRandom control; it goes inside the certification request, which must then be signed
 * again (Dogtag's CMCRequest re-signs the PKCS#10 with {@code request.privKeyId}'s key).
 */
public final class PopLinks {
    private PopLinks() {
    }

    /** The DER PopLinkWitnessV2 for this random value and secret. */
    public static Der witness(MacAlgorithm keyGen, MacAlgorithm mac, Secret sharedSecret, Der random) {
        byte[] w = SharedSecretMac.witness(mac, SharedSecretMac.key(keyGen, sharedSecret), random.bytes());
        return ControlCodec.der(new PopLinkWitnessV2(keyGen.digestIdentifier(), mac.hmacIdentifier(), w));
    }

    /** The same PKCS#10 with the popLinkWitnessV2 attribute added, signed again with the request's key. */
    public static Csr addWitness(Csr csr, Signer requestKey, Der witness) {
        PKCS10CertificationRequest original = csr.toBc();
        PKCS10CertificationRequestBuilder b = new PKCS10CertificationRequestBuilder(original.getSubject(),
                original.getSubjectPublicKeyInfo());
        for (Attribute a : original.getAttributes()) {
            if (!a.getAttrType().equals(CMCObjectIdentifiers.id_cmc_popLinkWitnessV2)) {
                b.addAttribute(a.getAttrType(), a.getAttributeValues());
            }
        }
        try {
            b.addAttribute(CMCObjectIdentifiers.id_cmc_popLinkWitnessV2, (ASN1Encodable) PopLinkWitnessV2.getInstance(witness.bytes()));
            return Csr.parse(b.build(requestKey.contentSigner()).getEncoded());
        } catch (IOException e) {
            throw new IllegalStateException("cannot encode the certification request", e);
        }
    }

    /** Adds the witness as a CRMF control (CRMFPopClient puts it among the CertRequest's controls). */
    public static CrmfRequestBuilder addWitness(CrmfRequestBuilder crmf, Der witness) {
        return crmf.control(CMCObjectIdentifiers.id_cmc_popLinkWitnessV2.getId(), witness);
    }

}
