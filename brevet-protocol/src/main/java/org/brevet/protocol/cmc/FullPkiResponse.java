package org.brevet.protocol.cmc;

import java.io.IOException;
import java.math.BigInteger;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.cmc.BodyPartID;
import org.bouncycastle.asn1.cmc.CMCObjectIdentifiers;
import org.bouncycastle.asn1.cmc.CMCStatusInfoV2;
import org.bouncycastle.asn1.cmc.OtherStatusInfo;
import org.bouncycastle.asn1.cmc.PKIResponse;
import org.bouncycastle.asn1.cmc.PendInfo;
import org.bouncycastle.asn1.cmc.TaggedAttribute;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.brevet.pki.BrevetException;
import org.brevet.pki.Certificate;
import org.brevet.pki.Der;
import org.brevet.pki.ErrorKind;
import org.brevet.pki.Providers;

/**
 * A CMC response as a client reads it: a Full PKI Response (SignedData over PKIResponse) or a Simple
 * PKI Response (certs-only SignedData). The signature of a full response is verified with the signer
 * certificate it carries; whether that signer is the expected CA is the caller's check.
 *
 * @param simple true for a certs-only Simple PKI Response
 * @param signer the certificate that signed a full response
 */
public record FullPkiResponse(boolean simple, List<CmcControl> controls, List<CmcStatusInfo> statuses,
        Optional<Der> recipientNonce, Optional<BigInteger> transactionId, Optional<Der> dataReturn,
        Optional<Der> responseInfo, List<Certificate> certificates, Optional<Certificate> signer) {
    public FullPkiResponse {
        controls = List.copyOf(controls);
        statuses = List.copyOf(statuses);
        certificates = List.copyOf(certificates);
        Objects.requireNonNull(signer, "signer");
    }

    /** MALFORMED unless a CMS SignedData; BAD_SIGNATURE when a full response's signature does not verify. */
    public static FullPkiResponse parse(byte[] der) {
        if (der == null || der.length == 0) {
            throw BrevetException.malformed("empty CMC response", null);
        }
        CMSSignedData signed;
        try {
            signed = new CMSSignedData(der);
        } catch (CMSException | RuntimeException e) {
            throw BrevetException.malformed("not a CMS SignedData", e);
        }
        try {
            List<Certificate> certificates = new ArrayList<>();
            for (X509CertificateHolder h : signed.getCertificates().getMatches(null)) {
                certificates.add(Certificate.fromDer(Der.of(h.getEncoded())));
            }
            String type = signed.getSignedContentTypeOID();
            if (signed.getSignedContent() == null && CMSObjectIdentifiers.data.getId().equals(type)) {
                return new FullPkiResponse(true, List.of(), List.of(), Optional.empty(), Optional.empty(), Optional.empty(),
                        Optional.empty(), certificates, Optional.empty());
            }
            if (!CMCObjectIdentifiers.id_cct_PKIResponse.getId().equals(type) || signed.getSignedContent() == null) {
                throw BrevetException.malformed("CMC response content is " + type + ", not id-cct-PKIResponse", null);
            }
            Certificate signer = verify(signed);
            PKIResponse response = PKIResponse.getInstance((byte[]) signed.getSignedContent().getContent());
            List<CmcControl> controls = new ArrayList<>();
            List<CmcStatusInfo> statuses = new ArrayList<>();
            Optional<Der> recipientNonce = Optional.empty();
            Optional<BigInteger> transactionId = Optional.empty();
            Optional<Der> dataReturn = Optional.empty();
            Optional<Der> responseInfo = Optional.empty();
            for (ASN1Encodable e : response.getControlSequence()) {
                TaggedAttribute a = TaggedAttribute.getInstance(e);
                List<Der> values = new ArrayList<>();
                for (ASN1Encodable v : a.getAttrValues()) {
                    values.add(ControlCodec.der(v));
                }
                controls.add(new CmcControl(a.getBodyPartID().getID(), a.getAttrType().getId(), values));
                if (a.getAttrValues().size() == 0) {
                    continue;
                }
                ASN1Encodable first = a.getAttrValues().getObjectAt(0);
                if (a.getAttrType().equals(CMCObjectIdentifiers.id_cmc_statusInfoV2)) {
                    statuses.add(status(CMCStatusInfoV2.getInstance(first)));
                } else if (a.getAttrType().equals(CMCObjectIdentifiers.id_cmc_recipientNonce)) {
                    recipientNonce = Optional.of(Der.of(ASN1OctetString.getInstance(first).getOctets()));
                } else if (a.getAttrType().equals(CMCObjectIdentifiers.id_cmc_transactionId)) {
                    transactionId = Optional.of(ASN1Integer.getInstance(first).getValue());
                } else if (a.getAttrType().equals(CMCObjectIdentifiers.id_cmc_dataReturn)) {
                    dataReturn = Optional.of(Der.of(ASN1OctetString.getInstance(first).getOctets()));
                } else if (a.getAttrType().equals(CMCObjectIdentifiers.id_cmc_responseInfo)) {
                    responseInfo = Optional.of(Der.of(ASN1OctetString.getInstance(first).getOctets()));
                }
            }
            return new FullPkiResponse(false, controls, statuses, recipientNonce, transactionId, dataReturn, responseInfo,
                    certificates, Optional.of(signer));
        } catch (BrevetException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw BrevetException.malformed("malformed PKIResponse: " + e.getMessage(), e);
        }
    }

    private static Certificate verify(CMSSignedData signed) {
        Collection<SignerInformation> signers = signed.getSignerInfos().getSigners();
        if (signers.size() != 1) {
            throw new BrevetException(ErrorKind.BAD_SIGNATURE, "a full CMC response needs exactly one signer, it has " + signers.size());
        }
        SignerInformation info = signers.iterator().next();
        @SuppressWarnings("unchecked")
        Collection<X509CertificateHolder> matches = signed.getCertificates().getMatches(info.getSID());
        if (matches.isEmpty()) {
            throw new BrevetException(ErrorKind.BAD_SIGNATURE, "the CMC response's signer certificate is not in the message");
        }
        X509CertificateHolder holder = matches.iterator().next();
        try {
            if (!info.verify(new JcaSimpleSignerInfoVerifierBuilder().setProvider(Providers.bc()).build(holder))) {
                throw new BrevetException(ErrorKind.BAD_SIGNATURE, "the CMC response's signature does not verify");
            }
            return Certificate.fromDer(Der.of(holder.getEncoded()));
        } catch (CMSException | OperatorCreationException | java.security.cert.CertificateException | IOException e) {
            throw new BrevetException(ErrorKind.BAD_SIGNATURE, "the CMC response's signature does not verify", e);
        }
    }

    private static CmcStatusInfo status(CMCStatusInfoV2 s) {
        CmcStatus status = CmcStatus.of(ASN1Integer.getInstance(s.getCMCStatus().toASN1Primitive()).intValueExact());
        List<Long> body = new ArrayList<>();
        for (BodyPartID id : s.getBodyList()) {
            body.add(id.getID());
        }
        Optional<String> text = Optional.ofNullable(s.getStatusStringUTF8()).map(t -> t.getString());
        Optional<CmcFailInfo> fail = Optional.empty();
        Optional<PendingInfo> pend = Optional.empty();
        OtherStatusInfo other = s.getOtherStatusInfo();
        if (other != null) {
            ASN1Primitive p = other.toASN1Primitive();
            if (other.isFailInfo()) {
                fail = Optional.of(CmcFailInfo.of(ASN1Integer.getInstance(p).intValueExact()));
            } else if (other.isPendingInfo()) {
                PendInfo pi = PendInfo.getInstance(ASN1Sequence.getInstance(p));
                try {
                    pend = Optional.of(new PendingInfo(Der.of(pi.getPendToken()), pi.getPendTime().getDate().toInstant()));
                } catch (ParseException e) {
                    throw BrevetException.malformed("bad pendTime", e);
                }
            }
        }
        return new CmcStatusInfo(status, body, text, fail, pend);
    }
}
