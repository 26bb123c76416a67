package org.brevet.tracker.keystore;

import java.io.IOException;
import java.security.KeyPair;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.brevet.pki.Csr;
import org.brevet.pki.CsrBuilder;
import org.brevet.pki.Der;
import org.brevet.pki.DistinguishedName;
import org.brevet.pki.KeyUsage;
import org.brevet.pki.PublicKeys;
import org.brevet.pki.RawExtension;
import org.brevet.pki.Signer;
import org.brevet.pki.SubjectAltName;

/**
 * What a request's CSR says, independent of who signs it: subject, SANs, key usage and extended key usage
 * (OIDs). A software key signs it here ({@link #sign}); an NSS database signs it with certutil, which is
 * given the same extensions as DER ({@link #extensions}). Both carry a subjectKeyIdentifier, as
 * certmonger's CSRs do.
 */
public record CsrContent(DistinguishedName subject, List<SubjectAltName> subjectAltNames, Set<KeyUsage> keyUsage,
        List<String> extendedKeyUsage) {

    public CsrContent {
        Objects.requireNonNull(subject, "subject");
        subjectAltNames = List.copyOf(subjectAltNames);
        keyUsage = Set.copyOf(keyUsage);
        extendedKeyUsage = List.copyOf(extendedKeyUsage);
    }

    /** The CSR signed with a software key. */
    public Csr sign(KeyPair key) {
        CsrBuilder b = new CsrBuilder().subject(subject).requestSubjectKeyIdentifier();
        if (!subjectAltNames.isEmpty()) {
            b.subjectAltNames(subjectAltNames);
        }
        if (!keyUsage.isEmpty()) {
            b.keyUsage(keyUsage);
        }
        if (!extendedKeyUsage.isEmpty()) {
            b.extendedKeyUsage(extendedKeyUsage);
        }
        return b.build(Signer.of(key.getPrivate(), key.getPublic()));
    }

    /**
     * The extensionRequest of {@link #sign}, as raw extensions for a signer that takes them as bytes
     * (certutil's {@code --extGeneric}): SAN (critical when the subject is empty), SKI of {@code key},
     * keyUsage (critical), extendedKeyUsage.
     */
    public List<RawExtension> extensions(PublicKey key) {
        List<RawExtension> out = new ArrayList<>();
        if (!subjectAltNames.isEmpty()) {
            GeneralName[] names = subjectAltNames.stream().map(SubjectAltName::toGeneralName).toArray(GeneralName[]::new);
            out.add(raw(Extension.subjectAlternativeName, subject.isEmpty(), new GeneralNames(names)));
        }
        out.add(raw(Extension.subjectKeyIdentifier, false, new SubjectKeyIdentifier(PublicKeys.keyIdentifier(key).bytes())));
        if (!keyUsage.isEmpty()) {
            int bits = 0;
            for (KeyUsage u : keyUsage) {
                bits |= bcBit(u);
            }
            out.add(raw(Extension.keyUsage, true, new org.bouncycastle.asn1.x509.KeyUsage(bits)));
        }
        if (!extendedKeyUsage.isEmpty()) {
            KeyPurposeId[] ids = extendedKeyUsage.stream()
                    .map(o -> KeyPurposeId.getInstance(new ASN1ObjectIdentifier(o))).toArray(KeyPurposeId[]::new);
            out.add(raw(Extension.extendedKeyUsage, false, new org.bouncycastle.asn1.x509.ExtendedKeyUsage(ids)));
        }
        return out;
    }

    private static int bcBit(KeyUsage u) {
        return switch (u) {
            case DIGITAL_SIGNATURE -> org.bouncycastle.asn1.x509.KeyUsage.digitalSignature;
            case NON_REPUDIATION -> org.bouncycastle.asn1.x509.KeyUsage.nonRepudiation;
            case KEY_ENCIPHERMENT -> org.bouncycastle.asn1.x509.KeyUsage.keyEncipherment;
            case DATA_ENCIPHERMENT -> org.bouncycastle.asn1.x509.KeyUsage.dataEncipherment;
            case KEY_AGREEMENT -> org.bouncycastle.asn1.x509.KeyUsage.keyAgreement;
            case KEY_CERT_SIGN -> org.bouncycastle.asn1.x509.KeyUsage.keyCertSign;
            case CRL_SIGN -> org.bouncycastle.asn1.x509.KeyUsage.cRLSign;
            case ENCIPHER_ONLY -> org.bouncycastle.asn1.x509.KeyUsage.encipherOnly;
            case DECIPHER_ONLY -> org.bouncycastle.asn1.x509.KeyUsage.decipherOnly;
        };
    }

    private static RawExtension raw(ASN1ObjectIdentifier oid, boolean critical, ASN1Encodable value) {
        try {
            return new RawExtension(oid.getId(), critical, Der.of(value.toASN1Primitive().getEncoded("DER")));
        } catch (IOException e) {
            throw new IllegalStateException("cannot encode extension " + oid, e);
        }
    }
}
