package org.brevet.protocol.cmc;

import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.cmc.BodyPartID;
import org.bouncycastle.asn1.cmc.CMCObjectIdentifiers;
import org.bouncycastle.asn1.cmc.CertificationRequest;
import org.bouncycastle.asn1.cmc.GetCert;
import org.bouncycastle.asn1.cmc.IdentityProofV2;
import org.bouncycastle.asn1.cmc.OtherMsg;
import org.bouncycastle.asn1.cmc.PKIData;
import org.bouncycastle.asn1.cmc.TaggedAttribute;
import org.bouncycastle.asn1.cmc.TaggedCertificationRequest;
import org.bouncycastle.asn1.cmc.TaggedContentInfo;
import org.bouncycastle.asn1.cmc.TaggedRequest;
import org.bouncycastle.asn1.x509.GeneralName;
import org.brevet.pki.Certificate;
import org.brevet.pki.Csr;
import org.brevet.pki.Der;
import org.brevet.pki.DistinguishedName;
import org.brevet.pki.Secret;
import org.brevet.pki.Signer;
import org.brevet.protocol.crmf.CrmfRequest;

/**
 * Builds a Full PKI Request as Dogtag's CMCRequest does: the PKCS#10 or CRMF requests, the controls,
 * then a SignedData signed by an agent's or user's certificate ({@link #signedBy}) or by the request's
 * own key ({@link #selfSigned}, with identification and identityProofV2 for a shared secret).
 */
public final class FullPkiRequestBuilder {
    private final List<TaggedRequest> requests = new ArrayList<>();
    private final List<TaggedAttribute> controls = new ArrayList<>();
    private long nextBodyPartId = 1;
    private IdentityProofSpec identityProof;

    private record IdentityProofSpec(MacAlgorithm hash, MacAlgorithm mac, Secret secret) {
    }

    /** Adds a PKCS#10 under the next body part id; returns that id. */
    public long addPkcs10(Csr csr) {
        long id = nextBodyPartId++;
        requests.add(new TaggedRequest(new TaggedCertificationRequest(new BodyPartID(id),
                CertificationRequest.getInstance(csr.toDer().bytes()))));
        return id;
    }

    /** Adds a CRMF message (its certReqId is its body part id). */
    public long addCrmf(CrmfRequest crmf) {
        requests.add(new TaggedRequest(crmf.toBc()));
        long id = crmf.certReqId().longValueExact();
        nextBodyPartId = Math.max(nextBodyPartId, id + 1);
        return id;
    }

    public FullPkiRequestBuilder identification(String uid) {
        return control(CMCObjectIdentifiers.id_cmc_identification, new DERUTF8String(uid));
    }

    /** identityProofV2: computed at build time over the reqSequence with the shared secret. */
    public FullPkiRequestBuilder identityProofV2(MacAlgorithm hash, MacAlgorithm mac, Secret sharedSecret) {
        this.identityProof = new IdentityProofSpec(hash, mac, sharedSecret);
        return this;
    }

    /** popLinkRandom: the random value the requests' popLinkWitnessV2 MACs (see {@link PopLinks}). */
    public FullPkiRequestBuilder popLinkRandom(Der random) {
        return control(CMCObjectIdentifiers.id_cmc_popLinkRandom, new DEROctetString(random.bytes()));
    }

    public FullPkiRequestBuilder senderNonce(Der nonce) {
        return control(CMCObjectIdentifiers.id_cmc_senderNonce, new DEROctetString(nonce.bytes()));
    }

    public FullPkiRequestBuilder transactionId(BigInteger id) {
        return control(CMCObjectIdentifiers.id_cmc_transactionId, new ASN1Integer(id));
    }

    public FullPkiRequestBuilder dataReturn(Der data) {
        return control(CMCObjectIdentifiers.id_cmc_dataReturn, new DEROctetString(data.bytes()));
    }

    public FullPkiRequestBuilder getCert(DistinguishedName issuer, BigInteger serial) {
        return control(CMCObjectIdentifiers.id_cmc_getCert, new GetCert(new GeneralName(issuer.toX500Name()), serial));
    }

    /** regInfo (the request id of the first trip, in a DecryptedPOP second trip). */
    public FullPkiRequestBuilder regInfo(Der data) {
        return control(CMCObjectIdentifiers.id_cmc_regInfo, new DEROctetString(data.bytes()));
    }

    private FullPkiRequestBuilder control(org.bouncycastle.asn1.ASN1ObjectIdentifier type, ASN1Encodable value) {
        controls.add(ControlCodec.attribute(nextBodyPartId++, type, value));
        return this;
    }

    /** The DER PKIData (identityProofV2 included when asked for). */
    public Der pkiData() {
        List<TaggedAttribute> all = new ArrayList<>(controls);
        if (identityProof != null) {
            byte[] reqSequence = ControlCodec.der(new DERSequence(requests.toArray(new TaggedRequest[0]))).bytes();
            byte[] key = SharedSecretMac.key(identityProof.hash(), identityProof.secret());
            byte[] witness = SharedSecretMac.witness(identityProof.mac(), key, reqSequence);
            all.add(ControlCodec.attribute(nextBodyPartId, CMCObjectIdentifiers.id_cmc_identityProofV2,
                    new IdentityProofV2(identityProof.hash().digestIdentifier(), identityProof.mac().hmacIdentifier(), witness)));
        }
        PKIData data = new PKIData(all.toArray(new TaggedAttribute[0]), requests.toArray(new TaggedRequest[0]),
                new TaggedContentInfo[0], new OtherMsg[0]);
        try {
            return Der.of(data.getEncoded(ASN1Encoding.DER));
        } catch (IOException e) {
            throw new IllegalStateException("cannot encode PKIData", e);
        }
    }

    /** Signed by a certificate's key (CMCAuth / CMCUserSignedAuth); the chain goes in the certificates field. */
    public Der signedBy(Signer signer, Certificate certificate, List<Certificate> chain) {
        Objects.requireNonNull(certificate, "certificate");
        return CmsSigning.sign(CMCObjectIdentifiers.id_cct_PKIData, pkiData(), signer, certificate, chain);
    }

    /** Signed by the key being certified, the signer named by subjectKeyIdentifier (shared-secret enrollment). */
    public Der selfSigned(Signer requestKey, Der subjectKeyIdentifier) {
        return CmsSigning.signBySki(CMCObjectIdentifiers.id_cct_PKIData, pkiData(), requestKey, subjectKeyIdentifier);
    }
}
