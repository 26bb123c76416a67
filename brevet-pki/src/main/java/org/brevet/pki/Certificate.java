package org.brevet.pki;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.cert.X509CertificateHolder;

/** An immutable, parsed X.509 certificate. Equal when the DER encodings are equal. */
public final class Certificate {
    public static final String PEM_LABEL = Pem.CERTIFICATE;

    private final X509CertificateHolder holder;
    private final Der der;
    private final DistinguishedName subject;
    private final DistinguishedName issuer;
    private final PublicKey publicKey;
    private final ExtensionValues extensions;

    private Certificate(X509CertificateHolder holder, Der der) {
        this(holder, der, DistinguishedName.of(holder.getSubject()), PublicKeys.from(holder.getSubjectPublicKeyInfo()));
        holder.getNotBefore();
        holder.getNotAfter();
        extensions.all();
        extensions.subjectAltNames();
    }

    /** For certificates just built: the parts the builder already holds are not decoded again. */
    private Certificate(X509CertificateHolder holder, Der der, DistinguishedName subject, PublicKey publicKey) {
        this.holder = holder;
        this.der = der;
        this.subject = subject;
        this.issuer = DistinguishedName.of(holder.getIssuer());
        this.publicKey = publicKey;
        this.extensions = new ExtensionValues(holder.getExtensions());
    }

    /** Parses one certificate: PEM ("CERTIFICATE"; the first block if several), DER or bare base64. */
    public static Certificate parse(byte[] pemOrDer) {
        byte[] der = PemOrDer.decode(pemOrDer, "certificate", PEM_LABEL, "X509 CERTIFICATE", "TRUSTED CERTIFICATE");
        return fromDer(der);
    }

    public static Certificate parse(String pem) {
        return parse(pem.getBytes(StandardCharsets.US_ASCII));
    }

    public static Certificate fromDer(Der der) {
        return fromDer(der.bytes());
    }

    /** Every "CERTIFICATE" block in the text, in order (a chain or a bundle); empty if there is none. */
    public static List<Certificate> parseAll(String pem) {
        List<Certificate> out = new ArrayList<>();
        for (Pem.Block b : Pem.decodeAll(pem)) {
            if (b.label().equals(PEM_LABEL) || b.label().equals("X509 CERTIFICATE")) {
                out.add(fromDer(b.der().bytes()));
            }
        }
        return List.copyOf(out);
    }

    /** Wraps a JCA certificate. */
    public static Certificate of(X509Certificate certificate) {
        try {
            return fromDer(certificate.getEncoded());
        } catch (CertificateException e) {
            throw BrevetException.malformed("cannot encode the certificate", e);
        }
    }

    static Certificate of(X509CertificateHolder holder) {
        try {
            return new Certificate(holder, Der.of(holder.getEncoded()));
        } catch (IOException e) {
            throw new IllegalStateException("cannot encode a certificate", e);
        }
    }

    static Certificate built(X509CertificateHolder holder, DistinguishedName subject, PublicKey publicKey) {
        try {
            return new Certificate(holder, Der.of(holder.getEncoded()), subject, publicKey);
        } catch (IOException e) {
            throw new IllegalStateException("cannot encode a certificate", e);
        }
    }

    private static Certificate fromDer(byte[] der) {
        try {
            return new Certificate(new X509CertificateHolder(der), Der.of(der));
        } catch (BrevetException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw BrevetException.malformed("not a valid X.509 certificate", e);
        }
    }

    public SerialNumber serial() {
        return new SerialNumber(holder.getSerialNumber());
    }

    public DistinguishedName subject() {
        return subject;
    }

    public DistinguishedName issuer() {
        return issuer;
    }

    public Instant notBefore() {
        return holder.getNotBefore().toInstant();
    }

    public Instant notAfter() {
        return holder.getNotAfter().toInstant();
    }

    /** Whether {@code now} lies within [notBefore, notAfter]. */
    public boolean isValidAt(Instant now) {
        return !now.isBefore(notBefore()) && !now.isAfter(notAfter());
    }

    public PublicKey publicKey() {
        return publicKey;
    }

    public KeySpec keySpec() {
        return KeySpec.of(publicKey);
    }

    public List<SubjectAltName> subjectAltNames() {
        return extensions.subjectAltNames();
    }

    /** Whether basicConstraints says cA=TRUE. */
    public boolean isCa() {
        BasicConstraints bc = BasicConstraints.fromExtensions(holder.getExtensions());
        return bc != null && bc.isCA();
    }

    /** The pathLenConstraint of a CA certificate, if set. */
    public OptionalInt pathLength() {
        BasicConstraints bc = BasicConstraints.fromExtensions(holder.getExtensions());
        if (bc == null || !bc.isCA() || bc.getPathLenConstraint() == null) {
            return OptionalInt.empty();
        }
        return OptionalInt.of(bc.getPathLenConstraint().intValueExact());
    }

    public boolean isSelfIssued() {
        return subject.equals(issuer);
    }

    public Set<KeyUsage> keyUsage() {
        return extensions.keyUsage();
    }

    /** The extendedKeyUsage purposes as dotted OIDs (see {@link ExtendedKeyUsage}). */
    public List<String> extendedKeyUsages() {
        return extensions.extendedKeyUsages();
    }

    public Optional<Der> subjectKeyIdentifier() {
        return extensions.subjectKeyIdentifier();
    }

    public Optional<Der> authorityKeyIdentifier() {
        AuthorityKeyIdentifier aki = AuthorityKeyIdentifier.fromExtensions(holder.getExtensions());
        if (aki == null || aki.getKeyIdentifierObject() == null) {
            return Optional.empty();
        }
        return Optional.of(Der.of(aki.getKeyIdentifierObject().getOctets()));
    }

    /** OCSP responder URLs from authorityInfoAccess. */
    public List<String> ocspUrls() {
        return extensions.accessUrls(org.bouncycastle.asn1.x509.AccessDescription.id_ad_ocsp);
    }

    /** caIssuers URLs from authorityInfoAccess. */
    public List<String> caIssuersUrls() {
        return extensions.accessUrls(org.bouncycastle.asn1.x509.AccessDescription.id_ad_caIssuers);
    }

    /** URIs of the cRLDistributionPoints extension. */
    public List<String> crlDistributionPointUrls() {
        return extensions.crlDistributionPointUrls();
    }

    public List<RawExtension> extensions() {
        return extensions.all();
    }

    public Optional<RawExtension> extension(String oid) {
        return extensions.find(oid);
    }

    /** The dotted OID of the signature algorithm. */
    public String signatureAlgorithmOid() {
        return holder.getSignatureAlgorithm().getAlgorithm().getId();
    }

    /** Whether the certificate's signature verifies with the key (typically the issuer's). */
    public boolean verifiedBy(PublicKey issuerKey) {
        org.bouncycastle.asn1.x509.Certificate c = holder.toASN1Structure();
        if (!c.getSignatureAlgorithm().equals(c.getTBSCertificate().getSignature())) {
            return false; // RFC 5280 §4.1.1.2: the two algorithm fields must match
        }
        return SignatureCheck.isValid(c.getSignatureAlgorithm(), c.getTBSCertificate(), c.getSignature().getOctets(), issuerKey);
    }

    /** SHA-256 fingerprint of the DER, upper-case hex with colons ("AB:CD:..."), as openssl and certmonger print. */
    public String fingerprintSha256() {
        return fingerprint("SHA-256");
    }

    public String fingerprintSha1() {
        return fingerprint("SHA-1");
    }

    public String fingerprintMd5() {
        return fingerprint("MD5");
    }

    public Der toDer() {
        return der;
    }

    public String toPem() {
        return Pem.encode(PEM_LABEL, der);
    }

    /** The JCA certificate (for KeyStores, TLS, CertPath). */
    public X509Certificate toX509() {
        try {
            CertificateFactory cf = CertificateFactory.getInstance("X.509");
            return (X509Certificate) cf.generateCertificate(new ByteArrayInputStream(der.bytes()));
        } catch (CertificateException e) {
            throw BrevetException.malformed("the JDK cannot read the certificate", e);
        }
    }

    /** The BouncyCastle object, for codecs (CMS, OCSP, CRL) that embed certificates. */
    public X509CertificateHolder toBc() {
        return holder;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Certificate other && der.equals(other.der);
    }

    @Override
    public int hashCode() {
        return der.hashCode();
    }

    @Override
    public String toString() {
        return "Certificate[serial=" + serial() + ", subject=" + subject + "]";
    }

    private String fingerprint(String digest) {
        try {
            byte[] hash = MessageDigest.getInstance(digest).digest(der.bytes());
            return HexFormat.ofDelimiter(":").withUpperCase().formatHex(hash).toUpperCase(Locale.ROOT);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(digest + " is always available", e);
        }
    }
}
