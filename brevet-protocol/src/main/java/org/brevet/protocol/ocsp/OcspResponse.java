package org.brevet.protocol.ocsp;

import java.io.IOException;
import java.security.PublicKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.OCSPException;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.UnknownStatus;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.brevet.pki.BrevetException;
import org.brevet.pki.Certificate;
import org.brevet.pki.Der;
import org.brevet.pki.RevocationReason;

/**
 * A parsed OCSPResponse, for clients (the tracker) and tests: the status and, when successful, the basic
 * response's contents. {@link #verifiedBy} checks the signature.
 */
public final class OcspResponse {
    private final OcspResponseStatus status;
    private final BasicOCSPResp basic;
    private final Der der;

    private OcspResponse(OcspResponseStatus status, BasicOCSPResp basic, Der der) {
        this.status = status;
        this.basic = basic;
        this.der = der;
    }

    /** MALFORMED for anything that is not an OCSPResponse with a basic response when successful. */
    public static OcspResponse parse(byte[] der) {
        try {
            OCSPResp resp = new OCSPResp(der);
            OcspResponseStatus status = OcspResponseStatus.fromCode(resp.getStatus());
            BasicOCSPResp basic = null;
            if (status == OcspResponseStatus.SUCCESSFUL) {
                Object o = resp.getResponseObject();
                if (!(o instanceof BasicOCSPResp b)) {
                    throw BrevetException.malformed("OCSP response is not a basic response", null);
                }
                basic = b;
            }
            return new OcspResponse(status, basic, Der.of(der));
        } catch (BrevetException e) {
            throw e;
        } catch (IOException | OCSPException | RuntimeException e) {
            throw BrevetException.malformed("not a valid OCSP response", e);
        }
    }

    public OcspResponseStatus status() {
        return status;
    }

    public Der toDer() {
        return der;
    }

    public Instant producedAt() {
        return basic().getProducedAt().toInstant();
    }

    public Optional<Der> nonce() {
        var e = basic().getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce);
        return Optional.ofNullable(e).map(x -> Der.of(x.getExtnValue().getOctets()));
    }

    public List<SingleResponse> responses() {
        List<SingleResponse> out = new ArrayList<>();
        for (org.bouncycastle.cert.ocsp.SingleResp r : basic().getResponses()) {
            org.bouncycastle.asn1.ocsp.CertID id = r.getCertID().toASN1Primitive();
            CertStatus s;
            Object st = r.getCertStatus();
            if (st == null) {
                s = CertStatus.GOOD;
            } else if (st instanceof RevokedStatus rs) {
                s = new CertStatus.Revoked(rs.getRevocationTime().toInstant(),
                        rs.hasRevocationReason() ? Optional.of(RevocationReason.fromCode(rs.getRevocationReason())) : Optional.empty());
            } else if (st instanceof UnknownStatus) {
                s = CertStatus.UNKNOWN;
            } else {
                throw BrevetException.malformed("unknown certificate status in OCSP response", null);
            }
            try {
                CertId certId = new CertId(id.getHashAlgorithm().getAlgorithm().getId(), Der.of(id.getIssuerNameHash().getOctets()),
                        Der.of(id.getIssuerKeyHash().getOctets()), id.getSerialNumber().getValue(), Der.of(id.getEncoded(ASN1Encoding.DER)));
                out.add(new SingleResponse(certId, s, r.getThisUpdate().toInstant(),
                        Objects.requireNonNull(r.getNextUpdate(), "nextUpdate").toInstant()));
            } catch (IOException e) {
                throw BrevetException.malformed("bad CertID in OCSP response", e);
            }
        }
        return List.copyOf(out);
    }

    /** Certificates included in the response (a delegated responder's). */
    public List<Certificate> certificates() {
        List<Certificate> out = new ArrayList<>();
        for (X509CertificateHolder h : basic().getCerts()) {
            try {
                out.add(Certificate.parse(h.getEncoded()));
            } catch (IOException e) {
                throw BrevetException.malformed("bad certificate in OCSP response", e);
            }
        }
        return List.copyOf(out);
    }

    public boolean verifiedBy(PublicKey key) {
        try {
            return basic().isSignatureValid(new JcaContentVerifierProviderBuilder().build(key));
        } catch (OCSPException | OperatorCreationException e) {
            return false;
        }
    }

    private BasicOCSPResp basic() {
        if (basic == null) {
            throw new IllegalStateException("an unsuccessful OCSP response (" + status + ") has no body");
        }
        return basic;
    }
}
