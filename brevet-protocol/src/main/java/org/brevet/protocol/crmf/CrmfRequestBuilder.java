package org.brevet.protocol.crmf;

import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.crmf.CRMFException;
import org.bouncycastle.cert.crmf.CertificateRequestMessageBuilder;
import org.bouncycastle.cert.crmf.Control;
import org.brevet.pki.BrevetException;
import org.brevet.pki.Der;
import org.brevet.pki.DistinguishedName;
import org.brevet.pki.ErrorKind;
import org.brevet.pki.PublicKeys;
import org.brevet.pki.RawExtension;
import org.brevet.pki.Signer;

/**
 * Builds a CRMF CertReqMsg with a signature proof of possession, as CRMFPopClient does with
 * {@code -q POP_SUCCESS}. Extra controls (popLinkWitnessV2; PKIArchiveOptions later) are added as
 * encoded values.
 */
public final class CrmfRequestBuilder {
    private BigInteger certReqId = BigInteger.ONE;
    private DistinguishedName subject;
    private boolean subjectKeyIdentifier;
    private final List<RawExtension> extensions = new ArrayList<>();
    private final List<RawControl> controls = new ArrayList<>();
    private boolean withPop = true;

    private record RawControl(String oid, Der value) {
    }

    public CrmfRequestBuilder certReqId(BigInteger id) {
        this.certReqId = Objects.requireNonNull(id, "id");
        return this;
    }

    public CrmfRequestBuilder subject(DistinguishedName subject) {
        this.subject = Objects.requireNonNull(subject, "subject");
        return this;
    }

    /** Adds the subjectKeyIdentifier of the key (method 1), needed for shared-secret (self-signed) CMC. */
    public CrmfRequestBuilder requestSubjectKeyIdentifier() {
        this.subjectKeyIdentifier = true;
        return this;
    }

    public CrmfRequestBuilder extension(RawExtension extension) {
        extensions.add(Objects.requireNonNull(extension, "extension"));
        return this;
    }

    /** Adds a control to the CertRequest (type = dotted OID, value = its DER encoding). */
    public CrmfRequestBuilder control(String oid, Der value) {
        controls.add(new RawControl(oid, value));
        return this;
    }

    /** No signature POP (CRMFPopClient -q POP_NONE); the message then claims raVerified, which a CA accepts only from an RA. */
    public CrmfRequestBuilder withoutPop() {
        this.withPop = false;
        return this;
    }

    /** Builds the message, POP signed with the key being certified. */
    public CrmfRequest build(Signer key) {
        Objects.requireNonNull(subject, "subject");
        try {
            CertificateRequestMessageBuilder b = new CertificateRequestMessageBuilder(certReqId);
            b.setSubject(subject.toX500Name());
            b.setPublicKey(SubjectPublicKeyInfo.getInstance(PublicKeys.toDer(key.publicKey()).bytes()));
            if (subjectKeyIdentifier) {
                b.addExtension(Extension.subjectKeyIdentifier, false,
                        new SubjectKeyIdentifier(PublicKeys.keyIdentifier(key.publicKey()).bytes()));
            }
            for (RawExtension e : extensions) {
                b.addExtension(new ASN1ObjectIdentifier(e.oid()), e.critical(), e.value().bytes());
            }
            for (RawControl c : controls) {
                ASN1Primitive value = ASN1Primitive.fromByteArray(c.value().bytes());
                b.addControl(new Control() {
                    @Override
                    public ASN1ObjectIdentifier getType() {
                        return new ASN1ObjectIdentifier(c.oid());
                    }

                    @Override
                    public ASN1Encodable getValue() {
                        return value;
                    }
                });
            }
            if (withPop) {
                b.setProofOfPossessionSigningKeySigner(key.contentSigner());
            }
            return CrmfRequest.of(b.build().toASN1Structure());
        } catch (CRMFException | IOException e) {
            throw new BrevetException(ErrorKind.INTERNAL, "cannot build the CRMF request", e);
        }
    }
}
