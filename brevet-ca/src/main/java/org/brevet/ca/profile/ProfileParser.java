package org.brevet.ca.profile;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Pattern;
import org.brevet.ca.profile.ProfileDefaults.AuthorityInfoAccess;
import org.brevet.ca.profile.ProfileDefaults.BasicConstraints;
import org.brevet.ca.profile.ProfileDefaults.ExtendedKeyUsage;
import org.brevet.ca.profile.ProfileDefaults.KeyUsage;
import org.brevet.ca.profile.ProfileDefaults.SubjectAltNames;
import org.brevet.pki.BrevetException;
import org.brevet.pki.ErrorKind;

/**
 * Reads a profile definition (YAML, or JSON which is a subset) into a {@link ProfileDefinition}, checking
 * every field. Errors are {@code BrevetException(MALFORMED)} whose detail starts with the path of the bad
 * field, e.g. {@code policy.keyTypes[0].type: unknown key type 'dsa' (rsa, ec)}. The format is
 * documented in docs/PROFILES.md. Thread-safe.
 */
public final class ProfileParser {
    /** Definitions are small; anything larger is a mistake or an attack. */
    static final int MAX_LENGTH = 64 * 1024;
    private static final Pattern ID = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]{0,99}");

    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    public ProfileDefinition parse(String text) {
        if (text.length() > MAX_LENGTH) {
            throw new BrevetException(ErrorKind.MALFORMED, "profile definition is larger than " + MAX_LENGTH + " characters");
        }
        JsonNode tree = readTree(text);
        DefinitionNode root = DefinitionNode.root(tree);
        root.allowOnly(Set.of("id", "name", "description", "enabled", "visible", "approval", "policy", "defaults"));
        String id = root.requiredString("id");
        if (!ID.matcher(id).matches()) {
            throw root.error("id", "'" + id + "' must start with a letter and contain only letters, digits, '_', '-', '.'");
        }
        ProfilePolicy policy = PolicyReader.read(root.object("policy").orElseThrow(() -> root.error("policy", "is required")));
        ProfileDefaults defaults = defaults(root.object("defaults").orElseThrow(() -> root.error("defaults", "is required")), policy);
        return new ProfileDefinition(id,
                root.requiredString("name"),
                root.optionalString("description").orElse(""),
                root.bool("enabled", true),
                root.bool("visible", true),
                approval(root),
                policy,
                defaults);
    }

    private JsonNode readTree(String text) {
        try {
            JsonNode tree = yaml.readTree(text);
            if (tree == null || tree.isMissingNode()) {
                throw new BrevetException(ErrorKind.MALFORMED, "profile definition is empty");
            }
            return tree;
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr();
            throw new BrevetException(ErrorKind.MALFORMED,
                    "profile definition is not valid YAML" + where + ": " + e.getOriginalMessage(), e);
        }
    }

    private static ApprovalRule approval(DefinitionNode root) {
        String value = root.optionalString("approval").orElse(ApprovalRule.AGENT.wireName());
        for (ApprovalRule rule : ApprovalRule.values()) {
            if (rule.wireName().equals(value)) {
                return rule;
            }
        }
        throw root.error("approval", "unknown approval rule '" + value + "' (agent, auto, manual)");
    }

    private static ProfileDefaults defaults(DefinitionNode node, ProfilePolicy policy) {
        node.allowOnly(Set.of("validityDays", "subject", "keyUsage", "extendedKeyUsage", "basicConstraints",
                "subjectKeyIdentifier", "authorityKeyIdentifier", "authorityInfoAccess", "crlDistributionPoint",
                "subjectAltNames", "ocspNoCheck"));
        int validity = node.requiredInt("validityDays");
        if (validity < 1) {
            throw node.error("validityDays", "must be at least 1");
        }
        if (validity > policy.maxValidityDays()) {
            throw node.error("validityDays", validity + " exceeds policy.maxValidityDays (" + policy.maxValidityDays() + ")");
        }
        Optional<String> subject = node.optionalString("subject");
        subject.ifPresent(t -> SubjectTemplate.checkVariables(t, node.pathOf("subject")));
        Optional<BasicConstraints> basic = node.object("basicConstraints").map(ProfileParser::basicConstraints);
        Optional<KeyUsage> keyUsage = node.object("keyUsage").map(ProfileParser::keyUsage);
        boolean isCa = basic.map(BasicConstraints::ca).orElse(false);
        if (keyUsage.map(k -> k.usages().contains(org.brevet.pki.KeyUsage.KEY_CERT_SIGN)).orElse(false) && !isCa) {
            throw node.error("keyUsage.usages", "keyCertSign requires basicConstraints.ca: true (RFC 5280 §4.2.1.3)");
        }
        SubjectAltNames sanDefaults = node.object("subjectAltNames").map(ProfileParser::sans).orElse(new SubjectAltNames(false, false));
        boolean dnsAllowed = policy.subjectAltNames()
                .map(rules -> rules.stream().anyMatch(r -> r.kind() == org.brevet.pki.SubjectAltName.Kind.DNS))
                .orElse(true);
        if (sanDefaults.commonNameToDns() && !dnsAllowed) {
            throw node.error("subjectAltNames.commonNameToDns", "policy.subjectAltNames allows no dns names to copy the CN into");
        }
        return new ProfileDefaults(validity, subject, keyUsage,
                node.object("extendedKeyUsage").map(ProfileParser::extendedKeyUsage),
                basic,
                node.bool("subjectKeyIdentifier", false),
                node.bool("authorityKeyIdentifier", false),
                node.object("authorityInfoAccess").map(ProfileParser::aia).orElse(new AuthorityInfoAccess(false, false)),
                node.bool("crlDistributionPoint", false),
                sanDefaults,
                node.bool("ocspNoCheck", false));
    }

    private static KeyUsage keyUsage(DefinitionNode node) {
        node.allowOnly(Set.of("usages"));
        List<DefinitionNode> items = node.list("usages").orElseThrow(() -> node.error("usages", "is required"));
        if (items.isEmpty()) {
            throw node.error("usages", "must name at least one usage");
        }
        Set<org.brevet.pki.KeyUsage> bits = EnumSet.noneOf(org.brevet.pki.KeyUsage.class);
        for (DefinitionNode item : items) {
            String name = item.text();
            try {
                bits.add(org.brevet.pki.KeyUsage.parse(name));
            } catch (BrevetException e) {
                throw item.error("unknown key usage '" + name + "' (digitalSignature, nonRepudiation, keyEncipherment, "
                        + "dataEncipherment, keyAgreement, keyCertSign, cRLSign, encipherOnly, decipherOnly)");
            }
        }
        return new KeyUsage(bits);
    }

    private static ExtendedKeyUsage extendedKeyUsage(DefinitionNode node) {
        node.allowOnly(Set.of("usages"));
        List<DefinitionNode> items = node.list("usages").orElseThrow(() -> node.error("usages", "is required"));
        if (items.isEmpty()) {
            throw node.error("usages", "must name at least one purpose");
        }
        List<String> oids = new ArrayList<>();
        for (DefinitionNode item : items) {
            String name = item.text();
            try {
                oids.add(org.brevet.pki.ExtendedKeyUsage.oidOf(name));
            } catch (BrevetException e) {
                throw item.error("unknown extended key usage '" + name + "' (serverAuth, clientAuth, codeSigning, "
                        + "emailProtection, timeStamping, OCSPSigning, pkinitKDC, pkinitClientAuth or a dotted OID)");
            }
        }
        return new ExtendedKeyUsage(oids);
    }

    private static BasicConstraints basicConstraints(DefinitionNode node) {
        node.allowOnly(Set.of("critical", "ca", "pathLength"));
        if (!node.has("ca")) {
            throw node.error("ca", "is required");
        }
        boolean ca = node.bool("ca", false);
        OptionalInt pathLength = OptionalInt.empty();
        Optional<Integer> given = node.optionalInt("pathLength");
        if (given.isPresent()) {
            if (!ca) {
                throw node.error("pathLength", "is only allowed when ca is true");
            }
            if (given.get() < 0) {
                throw node.error("pathLength", "must not be negative (omit it for no limit)");
            }
            pathLength = OptionalInt.of(given.get());
        }
        return new BasicConstraints(node.bool("critical", true), ca, pathLength);
    }

    private static AuthorityInfoAccess aia(DefinitionNode node) {
        node.allowOnly(Set.of("ocsp", "caIssuers"));
        return new AuthorityInfoAccess(node.bool("ocsp", false), node.bool("caIssuers", false));
    }

    private static SubjectAltNames sans(DefinitionNode node) {
        node.allowOnly(Set.of("fromCsr", "commonNameToDns"));
        return new SubjectAltNames(node.bool("fromCsr", false), node.bool("commonNameToDns", false));
    }
}
