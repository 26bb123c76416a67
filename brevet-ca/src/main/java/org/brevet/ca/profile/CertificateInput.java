package org.brevet.ca.profile;

import java.security.PublicKey;
import java.util.List;
import java.util.Objects;
import org.brevet.pki.Csr;
import org.brevet.pki.DistinguishedName;
import org.brevet.pki.RawExtension;
import org.brevet.pki.SubjectAltName;

/**
 * What a requester asks for, independent of how it arrived: from a verified CSR, or for system
 * certificates from a bare public key with a subject and SANs chosen by the installer.
 *
 * @param requestedExtensions the CSR's extensionRequest (empty for system certificates)
 */
public record CertificateInput(
        DistinguishedName subject,
        List<SubjectAltName> subjectAltNames,
        PublicKey publicKey,
        List<RawExtension> requestedExtensions) {

    public CertificateInput {
        Objects.requireNonNull(subject, "subject");
        subjectAltNames = List.copyOf(subjectAltNames);
        Objects.requireNonNull(publicKey, "publicKey");
        requestedExtensions = List.copyOf(requestedExtensions);
    }

    /** From a parsed CSR whose signature the caller has verified. */
    public static CertificateInput from(Csr csr) {
        return new CertificateInput(csr.subject(), csr.subjectAltNames(), csr.publicKey(), csr.requestedExtensions());
    }
}
