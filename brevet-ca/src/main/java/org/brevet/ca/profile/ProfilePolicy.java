package org.brevet.ca.profile;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.brevet.pki.KeyAlgorithm;
import org.brevet.pki.KeySpec;
import org.brevet.pki.SubjectAltName;

/**
 * The constraints of a profile (Dogtag's {@code *Constraint} plugins): what a request may ask for. They
 * are checked against the certificate as the defaults have shaped it, as Dogtag does.
 *
 * @param keyTypes         allowed subject keys; at least one rule
 * @param subjectPattern   the subject DN (RFC 4514) must match this regex in full
 * @param subjectAltNames  allowed SAN types and value patterns; empty = any supported SAN is allowed,
 *                         an empty list = no SAN at all
 * @param maxValidityDays  the longest validity a certificate may have
 * @param copyExtensions   OIDs of extensions requested in the CSR that are copied into the certificate
 */
public record ProfilePolicy(
        List<KeyRule> keyTypes,
        Optional<Pattern> subjectPattern,
        Optional<List<SanRule>> subjectAltNames,
        int maxValidityDays,
        Set<String> copyExtensions) {

    public ProfilePolicy {
        keyTypes = List.copyOf(keyTypes);
        Objects.requireNonNull(subjectPattern, "subjectPattern");
        subjectAltNames = subjectAltNames.map(List::copyOf);
        copyExtensions = Set.copyOf(copyExtensions);
    }

    /**
     * One allowed key algorithm: RSA with a minimum modulus size, or EC on the listed curves (given by
     * their field size: 256, 384, 521).
     */
    public record KeyRule(KeyAlgorithm algorithm, int minSize, Set<Integer> curves) {
        public KeyRule {
            Objects.requireNonNull(algorithm, "algorithm");
            curves = Set.copyOf(curves);
        }

        public boolean allows(KeySpec key) {
            if (key.algorithm() != algorithm) {
                return false;
            }
            return algorithm == KeyAlgorithm.RSA ? key.size() >= minSize : curves.contains(key.size());
        }

        /** How the rule reads in an error message: "rsa >= 2048" or "ec p256/p384". */
        public String describe() {
            if (algorithm == KeyAlgorithm.RSA) {
                return "rsa >= " + minSize;
            }
            return "ec " + String.join("/", curves.stream().sorted().map(c -> "p" + c).toList());
        }
    }

    /** One allowed SAN kind and the pattern its value must match in full. */
    public record SanRule(SubjectAltName.Kind kind, Pattern pattern) {
        public SanRule {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(pattern, "pattern");
        }
    }
}
