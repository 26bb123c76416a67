package org.brevet.ca.ocsp;

import java.util.List;
import java.util.Objects;
import org.brevet.ca.CaIdentity;
import org.brevet.pki.Certificate;
import org.brevet.pki.ExtendedKeyUsage;
import org.brevet.pki.Signer;

/**
 * Which key signs OCSP responses: the CA key itself, or a delegated responder ({@code ocspSigningCert},
 * issued by the CA with extended key usage OCSPSigning and id-pkix-ocsp-nocheck), whose certificate is
 * then included in every response so clients can check the delegation (RFC 6960 §4.2.2.2).
 */
public record OcspSigning(Signer signer, Certificate certificate, List<Certificate> included) {
    private static final String OCSP_NOCHECK = "1.3.6.1.5.5.7.48.1.5";

    public OcspSigning {
        Objects.requireNonNull(signer, "signer");
        Objects.requireNonNull(certificate, "certificate");
        included = List.copyOf(included);
    }

    public static OcspSigning caKey(CaIdentity ca) {
        return new OcspSigning(ca.signer(), ca.certificate(), List.of());
    }

    /** IllegalArgumentException when the certificate is not a responder certificate of this CA for that key. */
    public static OcspSigning delegated(CaIdentity ca, Signer signer, Certificate ocspSigningCert) {
        if (!ocspSigningCert.issuer().equals(ca.certificate().subject()) || !ocspSigningCert.verifiedBy(ca.certificate().publicKey())) {
            throw new IllegalArgumentException("the OCSP signing certificate " + ocspSigningCert.subject() + " was not issued by this CA");
        }
        if (!ocspSigningCert.extendedKeyUsages().contains(ExtendedKeyUsage.OCSP_SIGNING)) {
            throw new IllegalArgumentException("the OCSP signing certificate lacks extended key usage OCSPSigning");
        }
        if (ocspSigningCert.extension(OCSP_NOCHECK).isEmpty()) {
            throw new IllegalArgumentException("the OCSP signing certificate lacks id-pkix-ocsp-nocheck");
        }
        if (!ocspSigningCert.publicKey().equals(signer.publicKey())) {
            throw new IllegalArgumentException("the OCSP signing key does not match its certificate");
        }
        return new OcspSigning(signer, ocspSigningCert, List.of(ocspSigningCert));
    }
}
