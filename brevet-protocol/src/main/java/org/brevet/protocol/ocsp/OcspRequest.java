package org.brevet.protocol.ocsp;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1InputStream;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.ocsp.OCSPRequest;
import org.bouncycastle.asn1.ocsp.Request;
import org.bouncycastle.asn1.ocsp.TBSRequest;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.brevet.pki.BrevetException;
import org.brevet.pki.Der;

/**
 * An OCSPRequest (RFC 6960 §4.1): the CertIDs asked about and the nonce, if any. An optional request
 * signature is not checked (responders need not, §4.1.2). {@link #parse} accepts exactly one DER value.
 *
 * @param nonce the extnValue of the nonce extension, as sent (echoed verbatim)
 */
public record OcspRequest(List<CertId> certIds, Optional<Der> nonce) {
    /** RFC 6960 does not cap requests; like Dogtag (5000 bytes) we refuse large ones before parsing. */
    public static final int MAX_BYTES = 10_000;

    public OcspRequest {
        certIds = List.copyOf(certIds);
        Objects.requireNonNull(nonce, "nonce");
    }

    /** MALFORMED for anything that is not one well-formed OCSPRequest with at least one CertID. */
    public static OcspRequest parse(byte[] der) {
        if (der == null || der.length == 0) {
            throw BrevetException.malformed("empty OCSP request", null);
        }
        if (der.length > MAX_BYTES) {
            throw BrevetException.malformed("OCSP request larger than " + MAX_BYTES + " bytes", null);
        }
        try (ASN1InputStream in = new ASN1InputStream(der)) {
            ASN1Primitive value = in.readObject();
            if (value == null || in.available() > 0 || in.readObject() != null) {
                throw BrevetException.malformed("not a single DER-encoded OCSP request", null);
            }
            OCSPRequest request = OCSPRequest.getInstance(value);
            TBSRequest tbs = request.getTbsRequest();
            ASN1Sequence list = tbs.getRequestList();
            if (list.size() == 0) {
                throw BrevetException.malformed("OCSP request asks about no certificate", null);
            }
            List<CertId> ids = new ArrayList<>(list.size());
            for (int i = 0; i < list.size(); i++) {
                org.bouncycastle.asn1.ocsp.CertID id = Request.getInstance(list.getObjectAt(i)).getReqCert();
                ids.add(new CertId(id.getHashAlgorithm().getAlgorithm().getId(), Der.of(id.getIssuerNameHash().getOctets()),
                        Der.of(id.getIssuerKeyHash().getOctets()), id.getSerialNumber().getValue(),
                        Der.of(id.getEncoded(ASN1Encoding.DER))));
            }
            Extensions extensions = tbs.getRequestExtensions();
            Optional<Der> nonce = Optional.empty();
            if (extensions != null && extensions.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce) != null) {
                nonce = Optional.of(Der.of(extensions.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce).getExtnValue().getOctets()));
            }
            return new OcspRequest(ids, nonce);
        } catch (BrevetException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw BrevetException.malformed("not a valid DER-encoded OCSP request", e);
        }
    }

    /** Encodes an unsigned request (what {@code openssl ocsp -reqout} writes); for clients and tests. */
    public Der encode() {
        try {
            List<Request> requests = new ArrayList<>();
            for (CertId id : certIds) {
                requests.add(new Request(org.bouncycastle.asn1.ocsp.CertID.getInstance(id.encoded().bytes()), null));
            }
            Extensions ext = nonce.map(n -> new Extensions(new Extension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce, false,
                    new DEROctetString(n.bytes())))).orElse(null);
            TBSRequest tbs = new TBSRequest(null, new DERSequence(requests.toArray(new Request[0])), ext);
            return Der.of(new OCSPRequest(tbs, null).getEncoded(ASN1Encoding.DER));
        } catch (IOException e) {
            throw new IllegalStateException("cannot encode an OCSP request", e);
        }
    }
}
