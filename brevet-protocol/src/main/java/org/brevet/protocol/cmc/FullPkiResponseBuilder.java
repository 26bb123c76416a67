package org.brevet.protocol.cmc;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1GeneralizedTime;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.cmc.BodyPartID;
import org.bouncycastle.asn1.cmc.CMCFailInfo;
import org.bouncycastle.asn1.cmc.CMCObjectIdentifiers;
import org.bouncycastle.asn1.cmc.CMCStatus;
import org.bouncycastle.asn1.cmc.CMCStatusInfoV2Builder;
import org.bouncycastle.asn1.cmc.OtherMsg;
import org.bouncycastle.asn1.cmc.PKIResponse;
import org.bouncycastle.asn1.cmc.PendInfo;
import org.bouncycastle.asn1.cmc.TaggedAttribute;
import org.bouncycastle.asn1.cmc.TaggedContentInfo;
import org.brevet.pki.Certificate;
import org.brevet.pki.Der;
import org.brevet.pki.Signer;

/**
 * Builds a Full PKI Response (RFC 5272 §3.2.2): a SignedData over a PKIResponse (id-cct-PKIResponse)
 * signed by the CA, with CMCStatusInfoV2 controls, the nonce/transaction/dataReturn echoes, and the
 * issued certificates plus the CA chain in the SignedData certificates field (as Dogtag answers).
 */
public final class FullPkiResponseBuilder {
    private final List<TaggedAttribute> controls = new ArrayList<>();
    private final List<Certificate> certificates = new ArrayList<>();
    private long nextBodyPartId = 1;

    public FullPkiResponseBuilder status(CmcStatusInfo status) {
        BodyPartID[] ids = status.bodyList().stream().map(BodyPartID::new).toArray(BodyPartID[]::new);
        CMCStatusInfoV2Builder b = new CMCStatusInfoV2Builder(CMCStatus.getInstance(new ASN1Integer(status.status().code())), ids);
        status.statusString().ifPresent(b::setStatusString);
        status.failInfo().ifPresent(f -> b.setOtherInfo(CMCFailInfo.getInstance(new ASN1Integer(f.code()))));
        status.pendingInfo().ifPresent(p -> b.setOtherInfo(new PendInfo(p.pendToken().bytes(),
                new ASN1GeneralizedTime(Date.from(p.pendTime())))));
        return control(CMCObjectIdentifiers.id_cmc_statusInfoV2, b.build());
    }

    /** Echoes what RFC 5272 says to echo: senderNonce as recipientNonce, transactionId, dataReturn. */
    public FullPkiResponseBuilder echo(CmcControls request) {
        request.senderNonce().ifPresent(n -> control(CMCObjectIdentifiers.id_cmc_recipientNonce, new DEROctetString(n.bytes())));
        request.transactionId().ifPresent(t -> control(CMCObjectIdentifiers.id_cmc_transactionId, new ASN1Integer(t)));
        request.dataReturn().ifPresent(d -> control(CMCObjectIdentifiers.id_cmc_dataReturn, new DEROctetString(d.bytes())));
        return this;
    }

    /** A fresh senderNonce of the CA's own. */
    public FullPkiResponseBuilder senderNonce(Der nonce) {
        return control(CMCObjectIdentifiers.id_cmc_senderNonce, new DEROctetString(nonce.bytes()));
    }

    /** responseInfo (the request id a DecryptedPOP second trip must quote in regInfo). */
    public FullPkiResponseBuilder responseInfo(Der data) {
        return control(CMCObjectIdentifiers.id_cmc_responseInfo, new DEROctetString(data.bytes()));
    }

    /** Certificates for the certificates field: the issued ones first, then the CA chain. */
    public FullPkiResponseBuilder certificates(List<Certificate> certs) {
        for (Certificate c : certs) {
            if (!certificates.contains(c)) {
                certificates.add(c);
            }
        }
        return this;
    }

    private FullPkiResponseBuilder control(ASN1ObjectIdentifier type, ASN1Encodable value) {
        controls.add(ControlCodec.attribute(nextBodyPartId++, type, value));
        return this;
    }

    /** The DER PKIResponse. */
    public Der pkiResponse() {
        try {
            return Der.of(new PKIResponse(controls.toArray(new TaggedAttribute[0]), new TaggedContentInfo[0], new OtherMsg[0])
                    .getEncoded(ASN1Encoding.DER));
        } catch (IOException e) {
            throw new IllegalStateException("cannot encode PKIResponse", e);
        }
    }

    /** Signs with the CA key; the CA certificate and chain join the certificates field. */
    public Der sign(Signer caSigner, Certificate caCertificate, List<Certificate> caChain) {
        List<Certificate> all = new ArrayList<>(certificates);
        for (Certificate c : caChain) {
            if (!all.contains(c)) {
                all.add(c);
            }
        }
        return CmsSigning.sign(CMCObjectIdentifiers.id_cct_PKIResponse, pkiResponse(), caSigner, caCertificate, all);
    }
}
