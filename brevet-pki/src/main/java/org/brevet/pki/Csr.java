package org.brevet.pki;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.pkcs.Attribute;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;

/**
 * A parsed PKCS#10 certification request (RFC 2986). Immutable; parsing checks the structure, while
 * {@link #verifySignature()} checks the self-signature (proof of possession of the private key).
 */
public final class Csr {
    public static final String PEM_LABEL = Pem.CERTIFICATE_REQUEST;
    /** The label older tools (Netscape, certutil, Dogtag's UI) write. */
    public static final String PEM_LABEL_NEW = "NEW CERTIFICATE REQUEST";

    private final PKCS10CertificationRequest request;
    private final Der der;
    private final DistinguishedName subject;
    private final PublicKey publicKey;
    private final ExtensionValues extensions;

    private Csr(PKCS10CertificationRequest request, Der der) {
        this.request = request;
        this.der = der;
        this.subject = DistinguishedName.of(request.getSubject());
        this.publicKey = PublicKeys.from(request.getSubjectPublicKeyInfo());
        this.extensions = new ExtensionValues(extensionRequest(request));
        extensions.subjectAltNames();
        extensions.all();
    }

    /** Parses PEM ("CERTIFICATE REQUEST" or "NEW CERTIFICATE REQUEST"), DER or bare base64. */
    public static Csr parse(byte[] pemOrDer) {
        byte[] der = PemOrDer.decode(pemOrDer, "certificate request", PEM_LABEL, PEM_LABEL_NEW);
        try {
            return new Csr(new PKCS10CertificationRequest(der), Der.of(der));
        } catch (BrevetException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw BrevetException.malformed("not a valid PKCS#10 certificate request", e);
        }
    }

    public static Csr parse(String pem) {
        return parse(pem.getBytes(StandardCharsets.US_ASCII));
    }

    static Csr of(PKCS10CertificationRequest request) {
        try {
            return new Csr(request, Der.of(request.getEncoded()));
        } catch (IOException e) {
            throw new IllegalStateException("cannot encode a CSR", e);
        }
    }

    /**
     * Checks the self-signature with the request's own public key.
     *
     * @throws BrevetException BAD_SIGNATURE if it does not verify
     */
    public void verifySignature() {
        if (!isSignatureValid()) {
            throw new BrevetException(ErrorKind.BAD_SIGNATURE, "the certificate request's signature does not verify");
        }
    }

    /** Whether the self-signature verifies. */
    public boolean isSignatureValid() {
        return SignatureCheck.isValid(request.getSignatureAlgorithm(),
                request.toASN1Structure().getCertificationRequestInfo(), request.getSignature(), publicKey);
    }

    public DistinguishedName subject() {
        return subject;
    }

    public PublicKey publicKey() {
        return publicKey;
    }

    /** The DER SubjectPublicKeyInfo. */
    public Der publicKeyDer() {
        return PublicKeys.toDer(publicKey);
    }

    /** The key's type and size; MALFORMED for key types Brevet does not issue for. */
    public KeySpec keySpec() {
        return KeySpec.of(publicKey);
    }

    /** The dotted OID of the signature algorithm. */
    public String signatureAlgorithmOid() {
        return request.getSignatureAlgorithm().getAlgorithm().getId();
    }

    /** The SANs of the extensionRequest attribute, in order (kinds Brevet does not model are skipped). */
    public List<SubjectAltName> subjectAltNames() {
        return extensions.subjectAltNames();
    }

    /** Every extension of the extensionRequest attribute (PKCS#9), as bytes. */
    public List<RawExtension> requestedExtensions() {
        return extensions.all();
    }

    public Optional<RawExtension> requestedExtension(String oid) {
        return extensions.find(oid);
    }

    public Set<KeyUsage> requestedKeyUsage() {
        return extensions.keyUsage();
    }

    public List<String> requestedExtendedKeyUsages() {
        return extensions.extendedKeyUsages();
    }

    /** The challengePassword attribute (PKCS#9; SCEP's shared secret), if present. */
    public Optional<Secret> challengePassword() {
        Attribute[] attrs = request.getAttributes(PKCSObjectIdentifiers.pkcs_9_at_challengePassword);
        if (attrs.length == 0 || attrs[0].getAttrValues().size() == 0) {
            return Optional.empty();
        }
        ASN1Encodable v = attrs[0].getAttrValues().getObjectAt(0);
        if (!(v instanceof ASN1String s)) {
            throw new BrevetException(ErrorKind.MALFORMED, "challengePassword is not a string");
        }
        return Optional.of(Secret.of(s.getString()));
    }

    /** The subject key identifier of the request's key, computed by RFC 5280 §4.2.1.2 method 1. */
    public Der subjectKeyIdentifier() {
        return PublicKeys.keyIdentifier(request.getSubjectPublicKeyInfo());
    }

    /** The subjectKeyIdentifier extension the requester put in the extensionRequest, if any (CMC uses it). */
    public Optional<Der> requestedSubjectKeyIdentifier() {
        return extensions.subjectKeyIdentifier();
    }

    public Der toDer() {
        return der;
    }

    public String toPem() {
        return Pem.encode(PEM_LABEL, der);
    }

    /** The BouncyCastle object, for protocol codecs (CMC, SCEP) that embed requests. */
    public PKCS10CertificationRequest toBc() {
        return request;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Csr other && der.equals(other.der);
    }

    @Override
    public int hashCode() {
        return der.hashCode();
    }

    @Override
    public String toString() {
        return "Csr[" + subject + "]";
    }

    private static Extensions extensionRequest(PKCS10CertificationRequest request) {
        Attribute[] attrs = request.getAttributes(PKCSObjectIdentifiers.pkcs_9_at_extensionRequest);
        if (attrs.length == 0) {
            return null;
        }
        if (attrs[0].getAttrValues().size() == 0) {
            return null;
        }
        return Extensions.getInstance(attrs[0].getAttrValues().getObjectAt(0));
    }
}
