package org.brevet.ca.profile;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.brevet.ca.profile.ProfilePolicy.KeyRule;
import org.brevet.ca.profile.ProfilePolicy.SanRule;
import org.brevet.pki.BrevetException;
import org.brevet.pki.ErrorKind;
import org.brevet.pki.KeySpec;
import org.brevet.pki.SubjectAltName;

/** The profile constraints as small checks on the shaped certificate. */
final class Checks {
    private Checks() {
    }

    static BrevetException rejected(String detail) {
        return new BrevetException(ErrorKind.REJECTED_BY_POLICY, detail);
    }

    /** The subject key's algorithm and size (Dogtag keyConstraint). */
    record Key(List<KeyRule> rules) implements CertificateCheck {
        @Override
        public void check(CertificateDraft draft) {
            KeySpec spec;
            try {
                spec = KeySpec.of(draft.input().publicKey());
            } catch (BrevetException e) {
                throw rejected("the key type is not allowed (" + e.detail() + "); allowed: " + allowed());
            }
            if (rules.stream().noneMatch(r -> r.allows(spec))) {
                throw rejected("key " + spec + " is not allowed; allowed: " + allowed());
            }
        }

        private String allowed() {
            return String.join(", ", rules.stream().map(KeyRule::describe).toList());
        }
    }

    /** The subject DN, RFC 4514 text, must match in full (Dogtag subjectNameConstraint). */
    record SubjectPattern(Pattern pattern) implements CertificateCheck {
        @Override
        public void check(CertificateDraft draft) {
            String subject = draft.subject().rfc4514();
            if (!pattern.matcher(subject).matches()) {
                throw rejected("subject '" + subject + "' does not match the profile's pattern '" + pattern.pattern() + "'");
            }
        }
    }

    /** A certificate must name its subject somewhere (RFC 5280 §4.1.2.6). */
    record NamePresent() implements CertificateCheck {
        @Override
        public void check(CertificateDraft draft) {
            if (draft.subject().isEmpty() && draft.subjectAltNames().isEmpty()) {
                throw rejected("the request has neither a subject name nor a subject alternative name");
            }
        }
    }

    /** Every SAN must be of an allowed kind and match that kind's pattern. */
    record SubjectAltNames(Optional<List<SanRule>> rules) implements CertificateCheck {
        @Override
        public void check(CertificateDraft draft) {
            if (rules.isEmpty()) {
                return;
            }
            for (SubjectAltName name : draft.subjectAltNames()) {
                boolean allowed = rules.get().stream()
                        .anyMatch(r -> r.kind() == name.kind() && r.pattern().matcher(name.value()).matches());
                if (!allowed) {
                    throw rejected("subject alternative name " + name + " is not allowed by the profile");
                }
            }
        }
    }

    record MaxValidity(int maxDays) implements CertificateCheck {
        @Override
        public void check(CertificateDraft draft) {
            if (draft.validityDays() > maxDays) {
                throw rejected("validity of " + draft.validityDays() + " days exceeds the profile's maximum of " + maxDays);
            }
        }
    }
}
