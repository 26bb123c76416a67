package org.brevet.ca.profile;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.brevet.ca.profile.ProfileDefaults.BasicConstraints;
import org.brevet.pki.BrevetException;
import org.brevet.pki.DistinguishedName;
import org.brevet.pki.ErrorKind;
import org.brevet.pki.KeyUsage;
import org.brevet.pki.RawExtension;
import org.brevet.pki.SubjectAltName;

/** The profile defaults as small modifiers, each setting one part of the draft. */
final class Modifiers {
    private Modifiers() {
    }

    /** The subject: the CSR's, or a template filled from it (Dogtag userSubjectName / subjectName defaults). */
    record Subject(Optional<String> template) implements CertificateModifier {
        @Override
        public void apply(CertificateDraft draft) {
            if (template.isEmpty()) {
                return;
            }
            DistinguishedName requested = draft.input().subject();
            String text = SubjectTemplate.render(template.get(), requested.rfc4514(),
                    requested.commonName().orElse(null));
            try {
                draft.subject(DistinguishedName.parse(text));
            } catch (BrevetException e) {
                throw new BrevetException(ErrorKind.REJECTED_BY_POLICY,
                        "the profile's subject template gives an invalid name: " + text, e);
            }
        }
    }

    /** The SANs the request asks for. */
    record SansFromRequest() implements CertificateModifier {
        @Override
        public void apply(CertificateDraft draft) {
            draft.input().subjectAltNames().forEach(draft::addSubjectAltName);
        }
    }

    /**
     * The subject's CN as a DNS SAN when it looks like a host name (Dogtag commonNameToSANDefault), so that
     * clients which ignore the CN (RFC 6125) still accept the certificate.
     */
    record CommonNameToDns() implements CertificateModifier {
        private static final Pattern HOST = Pattern.compile(
                "(\\*\\.)?[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*");

        @Override
        public void apply(CertificateDraft draft) {
            draft.subject().commonName()
                    .filter(cn -> HOST.matcher(cn).matches())
                    .ifPresent(cn -> draft.addSubjectAltName(SubjectAltName.dns(cn)));
        }
    }

    record Validity(int days) implements CertificateModifier {
        @Override
        public void apply(CertificateDraft draft) {
            draft.validityDays(days);
        }
    }

    record KeyUsageBits(Set<KeyUsage> usages) implements CertificateModifier {
        @Override
        public void apply(CertificateDraft draft) {
            draft.keyUsage(usages);
        }
    }

    record ExtendedKeyUsage(List<String> oids) implements CertificateModifier {
        @Override
        public void apply(CertificateDraft draft) {
            draft.extendedKeyUsage(oids);
        }
    }

    record Basic(BasicConstraints value) implements CertificateModifier {
        @Override
        public void apply(CertificateDraft draft) {
            draft.basicConstraints(value);
        }
    }

    record SubjectKeyId() implements CertificateModifier {
        @Override
        public void apply(CertificateDraft draft) {
            draft.addSubjectKeyIdentifier();
        }
    }

    record AuthorityKeyId() implements CertificateModifier {
        @Override
        public void apply(CertificateDraft draft) {
            draft.addAuthorityKeyIdentifier();
        }
    }

    record AuthorityInfoAccess(boolean ocsp, boolean caIssuers) implements CertificateModifier {
        @Override
        public void apply(CertificateDraft draft) {
            draft.authorityInfoAccess(ocsp, caIssuers);
        }
    }

    record CrlDistributionPoint() implements CertificateModifier {
        @Override
        public void apply(CertificateDraft draft) {
            draft.addCrlDistributionPoint();
        }
    }

    record OcspNoCheck() implements CertificateModifier {
        @Override
        public void apply(CertificateDraft draft) {
            draft.addOcspNoCheck();
        }
    }

    /** Requested extensions the profile lets through, by OID (Dogtag userExtensionDefault). */
    record CopyRequested(Set<String> oids) implements CertificateModifier {
        @Override
        public void apply(CertificateDraft draft) {
            for (RawExtension e : draft.input().requestedExtensions()) {
                if (oids.contains(e.oid())) {
                    draft.copyExtension(e);
                }
            }
        }
    }
}
