package org.brevet.pki;

import java.io.IOException;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERPrintableString;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.pkcs.PKCS10CertificationRequestBuilder;

/**
 * Builds a signed PKCS#10 request. SANs and other wanted extensions go into the PKCS#9 extensionRequest
 * attribute; a SCEP challenge password into the challengePassword attribute. The signature algorithm
 * follows from the key (SHA256withRSA; SHA-256/384/512 with ECDSA for P-256/384/521).
 */
public final class CsrBuilder {
    private DistinguishedName subject = DistinguishedName.EMPTY;
    private final List<SubjectAltName> subjectAltNames = new ArrayList<>();
    private final Map<String, RawExtension> extensions = new LinkedHashMap<>();
    private Secret challengePassword;
    private boolean requestSubjectKeyIdentifier;

    public CsrBuilder subject(DistinguishedName subject) {
        this.subject = Objects.requireNonNull(subject, "subject");
        return this;
    }

    public CsrBuilder subjectAltNames(List<SubjectAltName> names) {
        subjectAltNames.clear();
        subjectAltNames.addAll(names);
        return this;
    }

    public CsrBuilder addSubjectAltName(SubjectAltName name) {
        subjectAltNames.add(Objects.requireNonNull(name, "name"));
        return this;
    }

    /** Asks for a keyUsage extension (critical). */
    public CsrBuilder keyUsage(Set<KeyUsage> usages) {
        Set<KeyUsage> copy = usages.isEmpty() ? EnumSet.noneOf(KeyUsage.class) : EnumSet.copyOf(usages);
        return extension(RawExtension.of(Extension.keyUsage, true, KeyUsage.toBc(copy)));
    }

    /** Asks for an extendedKeyUsage extension (non-critical) with the given purpose OIDs. */
    public CsrBuilder extendedKeyUsage(List<String> oids) {
        KeyPurposeId[] ids = oids.stream().map(o -> KeyPurposeId.getInstance(
                new ASN1ObjectIdentifier(ExtendedKeyUsage.oidOf(o)))).toArray(KeyPurposeId[]::new);
        return extension(RawExtension.of(Extension.extendedKeyUsage, false,
                new org.bouncycastle.asn1.x509.ExtendedKeyUsage(ids)));
    }

    /** Puts a subjectKeyIdentifier (RFC 5280 method 1) of the request's key into the extensionRequest (CMC). */
    public CsrBuilder requestSubjectKeyIdentifier() {
        this.requestSubjectKeyIdentifier = true;
        return this;
    }

    /** Adds (or replaces, by OID) any extension to the extensionRequest. */
    public CsrBuilder extension(RawExtension extension) {
        extensions.put(extension.oid(), extension);
        return this;
    }

    /** Adds a challengePassword attribute (SCEP, RFC 8894 §3.3.1). */
    public CsrBuilder challengePassword(Secret password) {
        this.challengePassword = Objects.requireNonNull(password, "password");
        return this;
    }

    public Csr build(KeyPair keyPair) {
        return build(Signer.of(keyPair.getPrivate(), keyPair.getPublic()));
    }

    /** Builds and signs with the signer's key (the request's public key is the signer's). */
    public Csr build(Signer signer) {
        SubjectPublicKeyInfo spki = SubjectPublicKeyInfo.getInstance(signer.publicKey().getEncoded());
        PKCS10CertificationRequestBuilder b = new PKCS10CertificationRequestBuilder(subject.toX500Name(), spki);
        List<Extension> exts = new ArrayList<>();
        if (!subjectAltNames.isEmpty()) {
            GeneralName[] names = subjectAltNames.stream().map(SubjectAltName::toGeneralName).toArray(GeneralName[]::new);
            exts.add(bcExtension(Extension.subjectAlternativeName, subject.isEmpty(), new GeneralNames(names)));
        }
        if (requestSubjectKeyIdentifier) {
            exts.add(bcExtension(Extension.subjectKeyIdentifier, false,
                    new SubjectKeyIdentifier(PublicKeys.keyIdentifier(spki).bytes())));
        }
        for (RawExtension e : extensions.values()) {
            exts.add(e.toBc());
        }
        if (!exts.isEmpty()) {
            b.addAttribute(PKCSObjectIdentifiers.pkcs_9_at_extensionRequest, new Extensions(exts.toArray(new Extension[0])));
        }
        if (challengePassword != null) {
            String pw = challengePassword.reveal();
            boolean printable = DERPrintableString.isPrintableString(pw);
            b.addAttribute(PKCSObjectIdentifiers.pkcs_9_at_challengePassword,
                    printable ? new DERPrintableString(pw) : new DERUTF8String(pw));
        }
        return Csr.of(b.build(signer.contentSigner()));
    }

    private static Extension bcExtension(ASN1ObjectIdentifier oid, boolean critical,
            ASN1Encodable value) {
        try {
            return new Extension(oid, critical, value.toASN1Primitive().getEncoded("DER"));
        } catch (IOException e) {
            throw new IllegalStateException("cannot encode extension " + oid, e);
        }
    }
}
