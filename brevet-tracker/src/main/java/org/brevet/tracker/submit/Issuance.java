package org.brevet.tracker.submit;

import java.security.PublicKey;
import java.util.stream.Collectors;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import org.brevet.pki.Certificate;
import org.brevet.pki.CertificateBuilder;
import org.brevet.pki.Csr;
import org.brevet.pki.DistinguishedName;
import org.brevet.pki.ExtendedKeyUsage;
import org.brevet.pki.KeyUsage;
import org.brevet.pki.SerialNumber;
import org.brevet.pki.Signer;
import org.brevet.pki.SubjectAltName;
import org.brevet.tracker.state.CsrTemplate;

/**
 * Builds a certificate from a CSR the way certmonger's internal CAs do: subject, SANs, key usage and EKU
 * from the request (falling back to the template), basicConstraints (critical), SKI and AKI, a random
 * serial. Shared by SelfSign and the local CA.
 */
final class Issuance {
    private Issuance() {
    }

    static Certificate issue(Csr csr, CsrTemplate template, DistinguishedName issuer, Signer signer,
            SerialNumber serial, Instant notBefore, Duration validity, PublicKey issuerKey) {
        Set<KeyUsage> ku = csr.requestedKeyUsage();
        if (ku.isEmpty()) {
            ku = template.keyUsage().stream().map(KeyUsage::parse).collect(Collectors.toSet());
        }
        List<String> eku = csr.requestedExtendedKeyUsages();
        if (eku.isEmpty()) {
            eku = template.extendedKeyUsage().stream().map(ExtendedKeyUsage::oidOf).toList();
        }
        List<SubjectAltName> sans = csr.subjectAltNames();
        CertificateBuilder b = new CertificateBuilder()
                .serial(serial)
                .issuer(issuer)
                .subject(csr.subject())
                .validity(notBefore, notBefore.plus(validity))
                .publicKey(csr.publicKey())
                .basicConstraints(template.forCa(),
                        template.forCa() && template.caPathLength() >= 0 ? OptionalInt.of(template.caPathLength())
                                : OptionalInt.empty(), true)
                .subjectKeyIdentifier()
                .authorityKeyIdentifier(issuerKey);
        if (!ku.isEmpty()) {
            b.keyUsage(ku);
        }
        if (!eku.isEmpty()) {
            b.extendedKeyUsage(eku);
        }
        if (!sans.isEmpty()) {
            b.subjectAltNames(sans);
        }
        return b.build(signer);
    }
}
