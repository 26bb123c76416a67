package org.brevet.ca.profile;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * What the issued certificate contains (Dogtag's {@code *Default} plugins). Each present part becomes one
 * small modifier applied in a fixed order (see {@link Profile}).
 *
 * @param validityDays           notAfter = notBefore + this many days
 * @param subjectTemplate        the subject DN; empty keeps the CSR's subject. May use {@code $request.cn$}
 *                               and {@code $request.subject$}
 * @param subjectKeyIdentifier   add SKI (RFC 5280 §4.2.1.2, method 1)
 * @param authorityKeyIdentifier add AKI with the CA's key identifier
 * @param crlDistributionPoint   add a CRL distribution point with the CA's CRL URL
 * @param ocspNoCheck            add id-pkix-ocsp-nocheck (RFC 6960 §4.2.2.2.1)
 */
public record ProfileDefaults(
        int validityDays,
        Optional<String> subjectTemplate,
        Optional<KeyUsage> keyUsage,
        Optional<ExtendedKeyUsage> extendedKeyUsage,
        Optional<BasicConstraints> basicConstraints,
        boolean subjectKeyIdentifier,
        boolean authorityKeyIdentifier,
        AuthorityInfoAccess authorityInfoAccess,
        boolean crlDistributionPoint,
        SubjectAltNames subjectAltNames,
        boolean ocspNoCheck) {

    public ProfileDefaults {
        Objects.requireNonNull(subjectTemplate, "subjectTemplate");
        Objects.requireNonNull(keyUsage, "keyUsage");
        Objects.requireNonNull(extendedKeyUsage, "extendedKeyUsage");
        Objects.requireNonNull(basicConstraints, "basicConstraints");
        Objects.requireNonNull(authorityInfoAccess, "authorityInfoAccess");
        Objects.requireNonNull(subjectAltNames, "subjectAltNames");
    }

    /** Key usage bits; the extension is always critical (RFC 5280 §4.2.1.3 SHOULD, and every Dogtag profile). */
    public record KeyUsage(Set<org.brevet.pki.KeyUsage> usages) {
        public KeyUsage {
            usages = Set.copyOf(usages);
        }
    }

    /** Purposes as dotted OIDs, in the order given; the extension is not critical (as in Dogtag's profiles). */
    public record ExtendedKeyUsage(List<String> oids) {
        public ExtendedKeyUsage {
            oids = List.copyOf(oids);
        }
    }

    /** @param pathLength only for CA certificates; empty = unlimited */
    public record BasicConstraints(boolean critical, boolean ca, OptionalInt pathLength) {
        public BasicConstraints {
            Objects.requireNonNull(pathLength, "pathLength");
        }
    }

    /** Which access descriptions AIA carries: the CA's OCSP responder and where to fetch the CA certificate. */
    public record AuthorityInfoAccess(boolean ocsp, boolean caIssuers) {
        public boolean isEmpty() {
            return !ocsp && !caIssuers;
        }
    }

    /**
     * @param fromCsr         copy the SANs the CSR requests
     * @param commonNameToDns add the subject's CN as a DNS SAN when not already there (Dogtag commonNameToSAN)
     */
    public record SubjectAltNames(boolean fromCsr, boolean commonNameToDns) {
    }
}
