package org.brevet.ca.profile;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.brevet.ca.profile.ProfilePolicy.KeyRule;
import org.brevet.ca.profile.ProfilePolicy.SanRule;
import org.brevet.pki.KeyAlgorithm;
import org.brevet.pki.SubjectAltName;

/** Reads the {@code policy} section of a profile definition (see {@link ProfileParser}). */
final class PolicyReader {
    static final Map<String, SubjectAltName.Kind> SAN_KINDS = Map.of("dns", SubjectAltName.Kind.DNS,
            "ip", SubjectAltName.Kind.IP, "email", SubjectAltName.Kind.EMAIL, "uri", SubjectAltName.Kind.URI,
            "upn", SubjectAltName.Kind.UPN, "kerberos", SubjectAltName.Kind.KERBEROS_PRINCIPAL);
    private static final Pattern OID = Pattern.compile("[0-2](\\.(0|[1-9][0-9]*))+");
    private static final int MIN_RSA = 1024;
    private static final int MAX_RSA = 16384;
    private static final int MAX_VALIDITY_DAYS = 36525;
    private static final Map<String, Integer> CURVES = Map.of("p256", 256, "p384", 384, "p521", 521);
    /**
     * Extensions the defaults decide; copying them from a CSR would let the requester choose them (a CSR
     * asking for basicConstraints CA:TRUE must not get it).
     */
    private static final Map<String, String> PROFILE_CONTROLLED = Map.of(
            "2.5.29.19", "basicConstraints", "2.5.29.15", "keyUsage", "2.5.29.37", "extendedKeyUsage",
            "2.5.29.17", "subjectAltName", "2.5.29.14", "subjectKeyIdentifier", "2.5.29.35", "authorityKeyIdentifier",
            "1.3.6.1.5.5.7.1.1", "authorityInfoAccess", "2.5.29.31", "cRLDistributionPoints",
            "2.5.29.30", "nameConstraints");

    private PolicyReader() {
    }

    static ProfilePolicy read(DefinitionNode node) {
        node.allowOnly(Set.of("keyTypes", "subjectPattern", "subjectAltNames", "maxValidityDays", "copyExtensions"));
        List<DefinitionNode> keyNodes = node.list("keyTypes").orElseThrow(() -> node.error("keyTypes", "is required"));
        if (keyNodes.isEmpty()) {
            throw node.error("keyTypes", "must allow at least one key type");
        }
        List<KeyRule> keys = new ArrayList<>();
        for (DefinitionNode k : keyNodes) {
            keys.add(keyRule(k.asObject()));
        }
        Optional<Pattern> subject = node.optionalString("subjectPattern").map(p -> regex(node, "subjectPattern", p));
        Optional<List<SanRule>> sans = node.list("subjectAltNames").map(items -> items.stream()
                .map(i -> sanRule(i.asObject())).toList());
        int maxValidity = node.requiredInt("maxValidityDays");
        if (maxValidity < 1 || maxValidity > MAX_VALIDITY_DAYS) {
            throw node.error("maxValidityDays", "must be between 1 and " + MAX_VALIDITY_DAYS);
        }
        return new ProfilePolicy(keys, subject, sans, maxValidity, copyExtensions(node));
    }

    private static KeyRule keyRule(DefinitionNode node) {
        node.allowOnly(Set.of("type", "minSize", "curves"));
        String type = node.requiredString("type").toLowerCase(Locale.ROOT);
        switch (type) {
            case "rsa" -> {
                if (node.has("curves")) {
                    throw node.error("curves", "only applies to ec keys");
                }
                int min = node.optionalInt("minSize").orElse(2048);
                if (min < MIN_RSA || min > MAX_RSA) {
                    throw node.error("minSize", "must be between " + MIN_RSA + " and " + MAX_RSA);
                }
                return new KeyRule(KeyAlgorithm.RSA, min, Set.of());
            }
            case "ec" -> {
                if (node.has("minSize")) {
                    throw node.error("minSize", "only applies to rsa keys (list ec curves instead)");
                }
                Set<Integer> curves = new TreeSet<>();
                List<DefinitionNode> items = node.list("curves").orElse(List.of());
                for (DefinitionNode item : items) {
                    String name = item.text().toLowerCase(Locale.ROOT).replace("-", "").replace("nist", "");
                    Integer size = CURVES.get(name);
                    if (size == null) {
                        throw item.error("unknown curve '" + item.text() + "' (p256, p384, p521)");
                    }
                    curves.add(size);
                }
                return new KeyRule(KeyAlgorithm.EC, 0, curves.isEmpty() ? Set.copyOf(CURVES.values()) : curves);
            }
            default -> throw node.error("type", "unknown key type '" + type + "' (rsa, ec)");
        }
    }

    private static SanRule sanRule(DefinitionNode node) {
        node.allowOnly(Set.of("type", "pattern"));
        String type = node.requiredString("type").toLowerCase(Locale.ROOT);
        SubjectAltName.Kind kind = SAN_KINDS.get(type);
        if (kind == null) {
            throw node.error("type", "unknown subject alternative name type '" + type + "' (dns, ip, email, uri, upn, kerberos)");
        }
        Pattern pattern = regex(node, "pattern", node.optionalString("pattern").orElse(".*"));
        return new SanRule(kind, pattern);
    }

    private static Set<String> copyExtensions(DefinitionNode node) {
        Set<String> oids = new LinkedHashSet<>();
        for (DefinitionNode item : node.list("copyExtensions").orElse(List.of())) {
            String oid = item.text();
            if (!OID.matcher(oid).matches()) {
                throw item.error("'" + oid + "' is not a dotted object identifier");
            }
            String controlled = PROFILE_CONTROLLED.get(oid);
            if (controlled != null) {
                throw item.error(oid + " (" + controlled + ") is set by the profile's defaults and cannot be copied from the CSR");
            }
            oids.add(oid);
        }
        return oids;
    }

    private static Pattern regex(DefinitionNode node, String key, String regex) {
        try {
            return Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw node.error(key, "invalid regular expression '" + regex + "': " + e.getDescription());
        }
    }
}
