package org.brevet.protocol.ocsp;

import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1GeneralizedTime;
import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.ocsp.BasicOCSPResponse;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.ocsp.OCSPResponse;
import org.bouncycastle.asn1.ocsp.ResponderID;
import org.bouncycastle.asn1.ocsp.ResponseBytes;
import org.bouncycastle.asn1.ocsp.ResponseData;
import org.bouncycastle.asn1.ocsp.RevokedInfo;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.Certificate;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.operator.ContentSigner;
import org.brevet.pki.Der;
import org.brevet.pki.PublicKeys;
import org.brevet.pki.Signer;

/** Encodes OCSPResponses (RFC 6960 §4.2): error statuses, and basic responses signed by the responder key. */
public final class OcspResponses {
    private static final DateTimeFormatter GENERALIZED =
            DateTimeFormatter.ofPattern("yyyyMMddHHmmss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private OcspResponses() {
    }

    /** An unsuccessful response: the status alone, no responseBytes, unsigned (§2.3). */
    public static Der error(OcspResponseStatus status) {
        if (status == OcspResponseStatus.SUCCESSFUL) {
            throw new IllegalArgumentException("a successful response needs a body");
        }
        try {
            return Der.of(new OCSPResponse(new org.bouncycastle.asn1.ocsp.OCSPResponseStatus(status.code()), null)
                    .getEncoded(ASN1Encoding.DER));
        } catch (IOException e) {
            throw new IllegalStateException("cannot encode an OCSP response", e);
        }
    }

    /**
     * A successful response with a BasicOCSPResponse: responder id by key hash of {@code responderCertificate},
     * the single responses, the nonce echoed when given, signed by {@code signer} (which holds that
     * certificate's key), and {@code certs} included (the delegated responder's certificate; empty when
     * the CA signs itself).
     */
    public static Der basic(List<SingleResponse> responses, Optional<Der> nonce, Instant producedAt, Signer signer,
            org.brevet.pki.Certificate responderCertificate, List<org.brevet.pki.Certificate> certs) {
        try {
            List<ASN1Encodable> singles = new ArrayList<>(responses.size());
            for (SingleResponse r : responses) {
                singles.add(new org.bouncycastle.asn1.ocsp.SingleResponse(
                        org.bouncycastle.asn1.ocsp.CertID.getInstance(r.certId().encoded().bytes()), status(r.status()),
                        time(r.thisUpdate()), time(r.nextUpdate()), (Extensions) null));
            }
            Extensions ext = nonce.map(n -> new Extensions(new Extension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce, false,
                    new DEROctetString(n.bytes())))).orElse(null);
            ResponderID id = new ResponderID(new DEROctetString(PublicKeys.keyIdentifier(responderCertificate.publicKey()).bytes()));
            ResponseData data = new ResponseData(id, time(producedAt), new DERSequence(singles.toArray(new ASN1Encodable[0])), ext);
            ContentSigner cs = signer.contentSigner();
            cs.getOutputStream().write(data.getEncoded(ASN1Encoding.DER));
            cs.getOutputStream().close();
            DERSequence chain = null;
            if (!certs.isEmpty()) {
                chain = new DERSequence(certs.stream().map(c -> Certificate.getInstance(c.toDer().bytes())).toArray(ASN1Encodable[]::new));
            }
            BasicOCSPResponse basic = new BasicOCSPResponse(data, signer.algorithmIdentifier(), new DERBitString(cs.getSignature()), chain);
            ResponseBytes bytes = new ResponseBytes(OCSPObjectIdentifiers.id_pkix_ocsp_basic,
                    new DEROctetString(basic.getEncoded(ASN1Encoding.DER)));
            return Der.of(new OCSPResponse(new org.bouncycastle.asn1.ocsp.OCSPResponseStatus(0), bytes).getEncoded(ASN1Encoding.DER));
        } catch (IOException e) {
            throw new IllegalStateException("cannot encode an OCSP response", e);
        }
    }

    private static org.bouncycastle.asn1.ocsp.CertStatus status(CertStatus status) {
        if (status instanceof CertStatus.Good) {
            return new org.bouncycastle.asn1.ocsp.CertStatus();
        }
        if (status instanceof CertStatus.Revoked r) {
            return new org.bouncycastle.asn1.ocsp.CertStatus(new RevokedInfo(time(r.revokedAt()),
                    r.reason().map(reason -> CRLReason.lookup(reason.code())).orElse(null)));
        }
        return new org.bouncycastle.asn1.ocsp.CertStatus(2, DERNull.INSTANCE);
    }

    /** GeneralizedTime without fractional seconds, as RFC 5280 §4.1.2.5.2 requires. */
    private static ASN1GeneralizedTime time(Instant at) {
        return new ASN1GeneralizedTime(GENERALIZED.format(at.truncatedTo(ChronoUnit.SECONDS)));
    }
}
