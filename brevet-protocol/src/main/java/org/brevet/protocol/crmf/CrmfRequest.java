package org.brevet.protocol.crmf;

import java.io.IOException;
import java.math.BigInteger;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.crmf.AttributeTypeAndValue;
import org.bouncycastle.asn1.crmf.CRMFObjectIdentifiers;
import org.bouncycastle.asn1.crmf.CertReqMsg;
import org.bouncycastle.asn1.crmf.CertTemplate;
import org.bouncycastle.asn1.crmf.Controls;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.cert.crmf.CRMFException;
import org.bouncycastle.cert.crmf.CertificateRequestMessage;
import org.brevet.pki.BrevetException;
import org.brevet.pki.Der;
import org.brevet.pki.DistinguishedName;
import org.brevet.pki.ErrorKind;
import org.brevet.pki.Providers;
import org.brevet.pki.PublicKeys;
import org.brevet.pki.RawExtension;

/**
 * One CRMF CertReqMsg (RFC 4211): the template's subject, key and extensions, its controls, and its
 * proof of possession. PKIArchiveOptions (key archival) is recognised and kept encoded for the KRA;
 * this class does not open it.
 */
public final class CrmfRequest {
    private final CertificateRequestMessage message;
    private final BigInteger certReqId;
    private final Optional<DistinguishedName> subject;
    private final PublicKey publicKey;
    private final List<RawExtension> extensions;

    private CrmfRequest(CertificateRequestMessage message) {
        this.message = message;
        this.certReqId = message.getCertReqId().getValue();
        CertTemplate template = message.getCertTemplate();
        this.subject = Optional.ofNullable(template.getSubject()).map(DistinguishedName::of);
        if (template.getPublicKey() == null) {
            throw BrevetException.malformed("CRMF request " + certReqId + " has no public key in its template", null);
        }
        this.publicKey = PublicKeys.fromDer(encode(template.getPublicKey()));
        List<RawExtension> ext = new ArrayList<>();
        Extensions extensions = template.getExtensions();
        if (extensions != null) {
            for (ASN1ObjectIdentifier oid : extensions.getExtensionOIDs()) {
                Extension e = extensions.getExtension(oid);
                ext.add(new RawExtension(oid.getId(), e.isCritical(), Der.of(e.getExtnValue().getOctets())));
            }
        }
        this.extensions = List.copyOf(ext);
    }

    /** Parses one DER CertReqMsg; MALFORMED otherwise. */
    public static CrmfRequest parse(Der der) {
        try {
            return of(CertReqMsg.getInstance(der.bytes()));
        } catch (BrevetException e) {
            throw e;
        } catch (RuntimeException e) {
            throw BrevetException.malformed("not a valid CRMF CertReqMsg", e);
        }
    }

    /** Wraps a decoded CertReqMsg (from a CMC TaggedRequest or a CertReqMessages sequence). */
    public static CrmfRequest of(CertReqMsg msg) {
        try {
            return new CrmfRequest(new CertificateRequestMessage(msg));
        } catch (BrevetException e) {
            throw e;
        } catch (RuntimeException e) {
            throw BrevetException.malformed("not a valid CRMF CertReqMsg", e);
        }
    }

    /** Parses a CertReqMessages (SEQUENCE OF CertReqMsg), what CRMFPopClient writes; MALFORMED otherwise. */
    public static List<CrmfRequest> parseMessages(Der der) {
        try {
            org.bouncycastle.asn1.crmf.CertReqMessages messages = org.bouncycastle.asn1.crmf.CertReqMessages.getInstance(der.bytes());
            List<CrmfRequest> out = new ArrayList<>();
            for (CertReqMsg m : messages.toCertReqMsgArray()) {
                out.add(of(m));
            }
            if (out.isEmpty()) {
                throw BrevetException.malformed("CRMF CertReqMessages is empty", null);
            }
            return out;
        } catch (BrevetException e) {
            throw e;
        } catch (RuntimeException e) {
            throw BrevetException.malformed("not a valid CRMF CertReqMessages", e);
        }
    }

    public BigInteger certReqId() {
        return certReqId;
    }

    public Optional<DistinguishedName> subject() {
        return subject;
    }

    public PublicKey publicKey() {
        return publicKey;
    }

    public List<RawExtension> extensions() {
        return extensions;
    }

    /** The subjectKeyIdentifier extension of the template, if any. */
    public Optional<Der> requestedSubjectKeyIdentifier() {
        Extensions ext = message.getCertTemplate().getExtensions();
        if (ext == null || ext.getExtension(Extension.subjectKeyIdentifier) == null) {
            return Optional.empty();
        }
        return Optional.of(Der.of(SubjectKeyIdentifier.fromExtensions(ext).getKeyIdentifier()));
    }

    public PopType popType() {
        if (!message.hasProofOfPossession()) {
            return PopType.NONE;
        }
        switch (message.getProofOfPossessionType()) {
            case CertificateRequestMessage.popRaVerified: return PopType.RA_VERIFIED;
            case CertificateRequestMessage.popSigningKey: return PopType.SIGNATURE;
            case CertificateRequestMessage.popKeyEncipherment: return PopType.KEY_ENCIPHERMENT;
            default: return PopType.KEY_AGREEMENT;
        }
    }

    /**
     * Checks a signature POP with the template's public key.
     *
     * @throws BrevetException BAD_POP when there is no signature POP or it does not verify
     */
    public void verifySignaturePop() {
        if (popType() != PopType.SIGNATURE) {
            throw new BrevetException(ErrorKind.BAD_POP, "CRMF request " + certReqId + " carries no signature proof of possession ("
                    + popType() + ")");
        }
        if (message.hasSigningKeyProofOfPossessionWithPKMAC()) {
            throw new BrevetException(ErrorKind.BAD_POP, "CRMF request " + certReqId + " uses a PKMAC POP input, which is not supported");
        }
        boolean valid;
        try {
            valid = message.isValidSigningKeyPOP(Providers.verifierProvider(publicKey));
        } catch (CRMFException | RuntimeException e) {
            valid = false;
        }
        if (!valid) {
            throw new BrevetException(ErrorKind.BAD_POP, "the proof of possession of CRMF request " + certReqId + " does not verify");
        }
    }

    /** Whether the request carries PKIArchiveOptions (a private key for the KRA to archive). */
    public boolean hasArchiveOptions() {
        return message.hasControl(CRMFObjectIdentifiers.id_regCtrl_pkiArchiveOptions);
    }

    /** The DER PKIArchiveOptions, for the KRA. */
    public Optional<Der> archiveOptions() {
        return control(CRMFObjectIdentifiers.id_regCtrl_pkiArchiveOptions.getId());
    }

    /** The DER value of the control of that type (dotted OID) in the CertRequest's controls, if present. */
    public Optional<Der> control(String oid) {
        Controls controls = message.toASN1Structure().getCertReq().getControls();
        if (controls == null) {
            return Optional.empty();
        }
        for (AttributeTypeAndValue atv : controls.toAttributeTypeAndValueArray()) {
            if (atv.getType().getId().equals(oid)) {
                return Optional.of(encode(atv.getValue()));
            }
        }
        return Optional.empty();
    }

    /** The DER CertReqMsg. */
    public Der toDer() {
        return encode(message.toASN1Structure());
    }

    public CertReqMsg toBc() {
        return message.toASN1Structure();
    }

    private static Der encode(ASN1Encodable value) {
        try {
            return Der.of(value.toASN1Primitive().getEncoded(ASN1Encoding.DER));
        } catch (IOException e) {
            throw new IllegalStateException("cannot encode", e);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CrmfRequest other && toDer().equals(other.toDer());
    }

    @Override
    public int hashCode() {
        return toDer().hashCode();
    }

    @Override
    public String toString() {
        return "CrmfRequest[" + certReqId + ", " + subject.map(DistinguishedName::toString).orElse("(no subject)") + "]";
    }
}
