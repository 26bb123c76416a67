package org.brevet.protocol.cmc;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.cmc.CMCObjectIdentifiers;
import org.bouncycastle.asn1.cmc.PKIData;
import org.bouncycastle.asn1.cmc.TaggedCertificationRequest;
import org.bouncycastle.asn1.cmc.TaggedRequest;
import org.bouncycastle.asn1.crmf.CertReqMsg;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerId;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.brevet.pki.BrevetException;
import org.brevet.pki.Certificate;
import org.brevet.pki.Csr;
import org.brevet.pki.Der;
import org.brevet.pki.ErrorKind;
import org.brevet.pki.Providers;
import org.brevet.pki.PublicKeys;
import org.brevet.pki.Secret;
import org.brevet.protocol.crmf.CrmfRequest;

/**
 * A Full PKI Request (RFC 5272 §3.2): a CMS SignedData whose content is a PKIData
 * (eContentType id-cct-PKIData). {@link #parse} decodes it and verifies its one signature, either with a
 * certificate carried in the SignedData or, for a self-signed request, with the public key of the
 * request whose subjectKeyIdentifier names the signer. Authorisation (is the signer an agent? does the
 * shared secret match?) is the authority's business; the checks needing the secret are here.
 *
 * @param encoded the whole ContentInfo as received
 * @param reqSequence the DER reqSequence, the data identityProofV2 MACs
 * @param certificates every certificate of the SignedData's certificates field
 */
public record FullPkiRequest(Der encoded, Der reqSequence, List<CmcCertRequest> requests, CmcControls controls,
        CmcSigner signer, List<Certificate> certificates) {
    /** Dogtag limits nothing; we refuse bodies over 1 MiB before parsing. */
    public static final int MAX_BYTES = 1 << 20;

    public FullPkiRequest {
        Objects.requireNonNull(encoded, "encoded");
        Objects.requireNonNull(reqSequence, "reqSequence");
        requests = List.copyOf(requests);
        Objects.requireNonNull(controls, "controls");
        Objects.requireNonNull(signer, "signer");
        certificates = List.copyOf(certificates);
    }

    /**
     * Parses and verifies.
     *
     * @throws BrevetException MALFORMED for anything that is not a signed PKIData (the CMC failure
     *     badRequest); BAD_SIGNATURE when the CMS signature does not verify or its signer cannot be found
     *     (badMessageCheck)
     */
    public static FullPkiRequest parse(byte[] der) {
        if (der == null || der.length == 0) {
            throw BrevetException.malformed("empty CMC request", null);
        }
        if (der.length > MAX_BYTES) {
            throw BrevetException.malformed("CMC request larger than " + MAX_BYTES + " bytes", null);
        }
        CMSSignedData signed;
        PKIData pkiData;
        try {
            signed = new CMSSignedData(der);
            if (!CMCObjectIdentifiers.id_cct_PKIData.getId().equals(signed.getSignedContentTypeOID())) {
                throw BrevetException.malformed("CMC request content is " + signed.getSignedContentTypeOID() + ", not id-cct-PKIData", null);
            }
            if (signed.getSignedContent() == null) {
                throw BrevetException.malformed("CMC request has no encapsulated PKIData", null);
            }
            pkiData = PKIData.getInstance((byte[]) signed.getSignedContent().getContent());
        } catch (BrevetException e) {
            throw e;
        } catch (CMSException | RuntimeException e) {
            throw BrevetException.malformed("not a CMS SignedData carrying a PKIData", e);
        }
        try {
            List<CmcCertRequest> requests = requests(pkiData.getReqSequence());
            CmcControls controls = ControlCodec.decode(pkiData.getControlSequence());
            Der reqSequence = Der.of(new DERSequence(pkiData.getReqSequence()).getEncoded(ASN1Encoding.DER));
            List<Certificate> certificates = new ArrayList<>();
            for (X509CertificateHolder h : signed.getCertificates().getMatches(null)) {
                certificates.add(Certificate.fromDer(Der.of(h.getEncoded())));
            }
            CmcSigner signer = verifySignature(signed, requests);
            return new FullPkiRequest(Der.of(der), reqSequence, requests, controls, signer, certificates);
        } catch (BrevetException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw BrevetException.malformed("malformed PKIData: " + e.getMessage(), e);
        }
    }

    private static List<CmcCertRequest> requests(TaggedRequest[] sequence) {
        List<CmcCertRequest> out = new ArrayList<>();
        Set<Long> ids = new HashSet<>();
        for (TaggedRequest r : sequence) {
            CmcCertRequest request;
            switch (r.getTagNo()) {
                case TaggedRequest.TCR -> {
                    TaggedCertificationRequest tcr = TaggedCertificationRequest.getInstance(r.getValue());
                    request = new Pkcs10CmcRequest(tcr.getBodyPartID().getID(),
                            Csr.parse(ControlCodec.der(tcr.getCertificationRequest()).bytes()));
                }
                case TaggedRequest.CRM -> request = new CrmfCmcRequest(CrmfRequest.of(CertReqMsg.getInstance(r.getValue())));
                default -> throw BrevetException.malformed("unsupported TaggedRequest (orm); only PKCS#10 and CRMF are accepted", null);
            }
            if (!ids.add(request.bodyPartId())) {
                throw BrevetException.malformed("two requests share body part id " + request.bodyPartId(), null);
            }
            out.add(request);
        }
        return out;
    }

    private static CmcSigner verifySignature(CMSSignedData signed, List<CmcCertRequest> requests) {
        Collection<SignerInformation> signers = signed.getSignerInfos().getSigners();
        if (signers.size() != 1) {
            throw new BrevetException(ErrorKind.BAD_SIGNATURE, "a CMC request needs exactly one signer, it has " + signers.size());
        }
        SignerInformation info = signers.iterator().next();
        SignerId sid = info.getSID();
        @SuppressWarnings("unchecked")
        Collection<X509CertificateHolder> matches = signed.getCertificates().getMatches(sid);
        try {
            JcaSimpleSignerInfoVerifierBuilder builder = new JcaSimpleSignerInfoVerifierBuilder().setProvider(Providers.bc());
            if (!matches.isEmpty()) {
                X509CertificateHolder holder = matches.iterator().next();
                if (!info.verify(builder.build(holder))) {
                    throw new BrevetException(ErrorKind.BAD_SIGNATURE, "the CMC request's signature does not verify");
                }
                return new CmcSigner.ByCertificate(Certificate.fromDer(Der.of(holder.getEncoded())));
            }
            if (sid.getSubjectKeyIdentifier() == null) {
                throw new BrevetException(ErrorKind.BAD_SIGNATURE, "the CMC request's signer certificate is not in the message");
            }
            Der ski = Der.of(sid.getSubjectKeyIdentifier());
            for (CmcCertRequest r : requests) {
                Optional<Der> requested = r.requestedSubjectKeyIdentifier();
                if (requested.isPresent() && requested.get().equals(ski)
                        || PublicKeys.keyIdentifier(r.publicKey()).equals(ski)) {
                    if (!info.verify(builder.build(r.publicKey()))) {
                        throw new BrevetException(ErrorKind.BAD_SIGNATURE, "the self-signed CMC request's signature does not verify");
                    }
                    return new CmcSigner.SelfSigned(r.bodyPartId(), ski);
                }
            }
            throw new BrevetException(ErrorKind.BAD_SIGNATURE,
                    "the CMC request is signed by key " + ski.toHex() + ", which is neither a carried certificate nor a requested key");
        } catch (CMSException e) {
            throw new BrevetException(ErrorKind.BAD_SIGNATURE, "the CMC request's signature does not verify", e);
        } catch (OperatorCreationException | java.security.cert.CertificateException | IOException e) {
            throw new BrevetException(ErrorKind.BAD_SIGNATURE, "cannot verify the CMC request's signature: " + e.getMessage(), e);
        }
    }

    /**
     * Checks the identityProofV2 control against the requester's shared secret (RFC 5272 §6.2.2).
     *
     * @throws BrevetException UNAUTHORIZED (badIdentity) when the control is absent or the witness differs
     */
    public void verifyIdentityProof(Secret sharedSecret) {
        IdentityProof proof = controls.identityProofV2()
                .orElseThrow(() -> new BrevetException(ErrorKind.UNAUTHORIZED, "the CMC request carries no identityProofV2"));
        verifyIdentityProofWithKey(SharedSecretMac.key(proof.hash(), sharedSecret));
    }

    /** As {@link #verifyIdentityProof} with the MAC key already derived ({@link SharedSecretMac#key}). */
    public void verifyIdentityProofWithKey(byte[] macKey) {
        IdentityProof proof = controls.identityProofV2()
                .orElseThrow(() -> new BrevetException(ErrorKind.UNAUTHORIZED, "the CMC request carries no identityProofV2"));
        if (!SharedSecretMac.matches(proof.mac(), macKey, reqSequence.bytes(), proof.witness().bytes())) {
            throw new BrevetException(ErrorKind.UNAUTHORIZED, "identityProofV2 does not match the shared secret");
        }
    }

    /**
     * Checks the popLinkWitnessV2 of a request against popLinkRandom and the shared secret (RFC 5272
     * §6.3.1.1), linking the proof of possession to the proven identity.
     *
     * @throws BrevetException BAD_POP (popFailed) when popLinkRandom or the witness is missing or wrong
     */
    public void verifyPopLinkWitness(CmcCertRequest request, Secret sharedSecret) {
        Der random = controls.popLinkRandom()
                .orElseThrow(() -> new BrevetException(ErrorKind.BAD_POP, "the CMC request carries no popLinkRandom"));
        PopLinkWitness witness = request.popLinkWitness()
                .orElseThrow(() -> new BrevetException(ErrorKind.BAD_POP, "request " + request.bodyPartId() + " carries no popLinkWitnessV2"));
        if (!SharedSecretMac.matches(witness.mac(), SharedSecretMac.key(witness.keyGen(), sharedSecret), random.bytes(),
                witness.witness().bytes())) {
            throw new BrevetException(ErrorKind.BAD_POP, "popLinkWitnessV2 of request " + request.bodyPartId() + " does not match");
        }
    }
}
