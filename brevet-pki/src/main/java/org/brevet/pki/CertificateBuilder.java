package org.brevet.pki;

import java.security.PublicKey;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.Set;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;

/**
 * Builds and signs an X.509 v3 certificate. Set the serial, issuer, subject, validity and public key, add
 * extensions, then {@link #build(Signer)}. An extension set twice (same OID) keeps the last value, so a
 * profile can copy a CSR's extensions and then override what it decides. Not thread-safe; use one
 * builder per certificate.
 */
public final class CertificateBuilder {
    private SerialNumber serial;
    private X500Name issuer;
    private DistinguishedName subject = DistinguishedName.EMPTY;
    private Instant notBefore;
    private Instant notAfter;
    private PublicKey publicKey;
    private final Map<String, RawExtension> extensions = new LinkedHashMap<>();
    private final List<String> ocspUrls = new ArrayList<>();
    private final List<String> caIssuersUrls = new ArrayList<>();

    public CertificateBuilder serial(SerialNumber serial) {
        this.serial = Objects.requireNonNull(serial, "serial");
        return this;
    }

    public CertificateBuilder issuer(DistinguishedName issuer) {
        this.issuer = issuer.toX500Name();
        return this;
    }

    /**
     * Sets the issuer name to the issuer certificate's subject (byte for byte) and the authority key
     * identifier to its subject key identifier (or, if it has none, to the method-1 hash of its key).
     */
    public CertificateBuilder issuer(Certificate issuerCertificate) {
        this.issuer = issuerCertificate.toBc().getSubject();
        Der keyId = issuerCertificate.subjectKeyIdentifier()
                .orElseGet(() -> PublicKeys.keyIdentifier(issuerCertificate.publicKey()));
        return authorityKeyIdentifier(keyId);
    }

    public CertificateBuilder subject(DistinguishedName subject) {
        this.subject = Objects.requireNonNull(subject, "subject");
        return this;
    }

    public CertificateBuilder notBefore(Instant notBefore) {
        this.notBefore = notBefore.truncatedTo(ChronoUnit.SECONDS);
        return this;
    }

    public CertificateBuilder notAfter(Instant notAfter) {
        this.notAfter = notAfter.truncatedTo(ChronoUnit.SECONDS);
        return this;
    }

    public CertificateBuilder validity(Instant notBefore, Instant notAfter) {
        return notBefore(notBefore).notAfter(notAfter);
    }

    public CertificateBuilder publicKey(PublicKey publicKey) {
        this.publicKey = Objects.requireNonNull(publicKey, "publicKey");
        return this;
    }

    /** basicConstraints (RFC 5280 §4.2.1.9); pathLen only applies to CAs. */
    public CertificateBuilder basicConstraints(boolean ca, OptionalInt pathLen, boolean critical) {
        BasicConstraints bc = ca && pathLen.isPresent() ? new BasicConstraints(pathLen.getAsInt()) : new BasicConstraints(ca);
        return put(Extension.basicConstraints, critical, bc);
    }

    /** keyUsage, critical as RFC 5280 §4.2.1.3 recommends. */
    public CertificateBuilder keyUsage(Set<KeyUsage> usages) {
        return put(Extension.keyUsage, true, KeyUsage.toBc(usages.isEmpty() ? EnumSet.noneOf(KeyUsage.class) : EnumSet.copyOf(usages)));
    }

    /** extendedKeyUsage (non-critical) with purpose OIDs or names (see {@link ExtendedKeyUsage}). */
    public CertificateBuilder extendedKeyUsage(List<String> purposes) {
        KeyPurposeId[] ids = purposes.stream()
                .map(p -> KeyPurposeId.getInstance(new ASN1ObjectIdentifier(ExtendedKeyUsage.oidOf(p))))
                .toArray(KeyPurposeId[]::new);
        return put(Extension.extendedKeyUsage, false, new org.bouncycastle.asn1.x509.ExtendedKeyUsage(ids));
    }

    /** subjectKeyIdentifier computed from the subject public key (RFC 5280 §4.2.1.2 method 1). */
    public CertificateBuilder subjectKeyIdentifier() {
        if (publicKey == null) {
            throw new IllegalStateException("set the public key before the subject key identifier");
        }
        return subjectKeyIdentifier(PublicKeys.keyIdentifier(publicKey));
    }

    public CertificateBuilder subjectKeyIdentifier(Der keyId) {
        return put(Extension.subjectKeyIdentifier, false, new SubjectKeyIdentifier(keyId.bytes()));
    }

    /** authorityKeyIdentifier with a keyIdentifier only (RFC 5280 §4.2.1.1). */
    public CertificateBuilder authorityKeyIdentifier(Der keyId) {
        return put(Extension.authorityKeyIdentifier, false, new AuthorityKeyIdentifier(keyId.bytes()));
    }

    /** authorityKeyIdentifier computed from the issuer's public key (method 1). */
    public CertificateBuilder authorityKeyIdentifier(PublicKey issuerKey) {
        return authorityKeyIdentifier(PublicKeys.keyIdentifier(issuerKey));
    }

    /** subjectAltName; critical when the subject is empty (RFC 5280 §4.2.1.6), so set the subject first. */
    public CertificateBuilder subjectAltNames(List<SubjectAltName> names) {
        if (names.isEmpty()) {
            extensions.remove(Extension.subjectAlternativeName.getId());
            return this;
        }
        GeneralName[] gn = names.stream().map(SubjectAltName::toGeneralName).toArray(GeneralName[]::new);
        return put(Extension.subjectAlternativeName, subject.isEmpty(), new GeneralNames(gn));
    }

    /** Adds an OCSP responder URL to authorityInfoAccess. */
    public CertificateBuilder ocspUrl(String url) {
        ocspUrls.add(Objects.requireNonNull(url, "url"));
        return this;
    }

    /** Adds a caIssuers URL (where the issuer certificate can be downloaded) to authorityInfoAccess. */
    public CertificateBuilder caIssuersUrl(String url) {
        caIssuersUrls.add(Objects.requireNonNull(url, "url"));
        return this;
    }

    /** cRLDistributionPoints with one full-name URI distribution point. */
    public CertificateBuilder crlDistributionPoint(String url) {
        GeneralNames names = new GeneralNames(new GeneralName(GeneralName.uniformResourceIdentifier, url));
        DistributionPoint dp = new DistributionPoint(new DistributionPointName(names), null, null);
        return put(Extension.cRLDistributionPoints, false, new CRLDistPoint(new DistributionPoint[] {dp}));
    }

    /** id-pkix-ocsp-nocheck (RFC 6960 §4.2.2.2.1), for OCSP signing certificates. */
    public CertificateBuilder ocspNoCheck() {
        return put(OCSPObjectIdentifiers.id_pkix_ocsp_nocheck, false, DERNull.INSTANCE);
    }

    /** Any extension as bytes (e.g. copied from a CSR); replaces one with the same OID. */
    public CertificateBuilder extension(RawExtension extension) {
        extensions.put(extension.oid(), extension);
        return this;
    }

    /** Signs with the issuer's signer. */
    public Certificate build(Signer signer) {
        require(serial, "serial");
        require(issuer, "issuer");
        require(notBefore, "notBefore");
        require(notAfter, "notAfter");
        require(publicKey, "publicKey");
        if (notAfter.isBefore(notBefore)) {
            throw new BrevetException(ErrorKind.MALFORMED, "notAfter " + notAfter + " is before notBefore " + notBefore);
        }
        X509v3CertificateBuilder b = new X509v3CertificateBuilder(issuer, serial.value(),
                Date.from(notBefore), Date.from(notAfter), subject.toX500Name(),
                SubjectPublicKeyInfo.getInstance(publicKey.getEncoded()));
        try {
            for (RawExtension e : allExtensions()) {
                b.addExtension(e.toBc());
            }
        } catch (CertIOException e) {
            throw BrevetException.malformed("cannot encode extensions", e);
        }
        return Certificate.built(b.build(signer.contentSigner()), subject, publicKey);
    }

    private List<RawExtension> allExtensions() {
        List<RawExtension> out = new ArrayList<>(extensions.values());
        if (!ocspUrls.isEmpty() || !caIssuersUrls.isEmpty()) {
            ASN1EncodableVector v = new ASN1EncodableVector();
            ocspUrls.forEach(u -> v.add(access(AccessDescription.id_ad_ocsp, u)));
            caIssuersUrls.forEach(u -> v.add(access(AccessDescription.id_ad_caIssuers, u)));
            out.removeIf(e -> e.oid().equals(Extension.authorityInfoAccess.getId()));
            out.add(RawExtension.of(Extension.authorityInfoAccess, false, new DERSequence(v)));
        }
        return out;
    }

    private static AccessDescription access(ASN1ObjectIdentifier method, String url) {
        return new AccessDescription(method, new GeneralName(GeneralName.uniformResourceIdentifier, url));
    }

    private CertificateBuilder put(ASN1ObjectIdentifier oid, boolean critical, ASN1Encodable value) {
        return extension(RawExtension.of(oid, critical, value));
    }

    private static void require(Object value, String name) {
        if (value == null) {
            throw new IllegalStateException("certificate " + name + " is not set");
        }
    }
}
