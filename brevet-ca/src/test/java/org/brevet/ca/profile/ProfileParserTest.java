package org.brevet.ca.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.brevet.pki.BrevetException;
import org.brevet.pki.ErrorKind;
import org.brevet.pki.KeyAlgorithm;
import org.brevet.pki.KeyUsage;
import org.brevet.pki.SubjectAltName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ProfileParserTest {
    private final ProfileParser parser = new ProfileParser();

    static final String VALID = """
            id: webServer
            name: Web servers
            description: TLS servers of example.com
            approval: auto
            policy:
              keyTypes:
                - type: rsa
                  minSize: 3072
                - type: ec
                  curves: [p256]
              subjectPattern: "CN=[a-z0-9.-]+\\\\.example\\\\.com"
              subjectAltNames:
                - type: dns
                  pattern: "[a-z0-9.-]+\\\\.example\\\\.com"
              maxValidityDays: 397
              copyExtensions: ["1.3.6.1.4.1.311.20.2"]
            defaults:
              validityDays: 90
              keyUsage:
                usages: [digitalSignature, keyEncipherment]
              extendedKeyUsage:
                usages: [serverAuth, 1.3.6.1.5.5.7.3.2]
              subjectKeyIdentifier: true
              authorityKeyIdentifier: true
              authorityInfoAccess: {ocsp: true, caIssuers: true}
              crlDistributionPoint: true
              subjectAltNames: {fromCsr: true, commonNameToDns: true}
            """;

    @Test
    void validDefinition_isParsedIntoTypedRecords() {
        ProfileDefinition d = parser.parse(VALID);

        assertThat(d.id()).isEqualTo("webServer");
        assertThat(d.enabled()).isTrue();
        assertThat(d.visible()).isTrue();
        assertThat(d.approval()).isEqualTo(ApprovalRule.AUTO);
        assertThat(d.policy().keyTypes()).extracting(ProfilePolicy.KeyRule::algorithm)
                .containsExactly(KeyAlgorithm.RSA, KeyAlgorithm.EC);
        assertThat(d.policy().keyTypes().get(0).minSize()).isEqualTo(3072);
        assertThat(d.policy().keyTypes().get(1).curves()).containsExactly(256);
        assertThat(d.policy().subjectAltNames().orElseThrow()).extracting(ProfilePolicy.SanRule::kind)
                .containsExactly(SubjectAltName.Kind.DNS);
        assertThat(d.policy().copyExtensions()).containsExactly("1.3.6.1.4.1.311.20.2");
        assertThat(d.defaults().validityDays()).isEqualTo(90);
        assertThat(d.defaults().keyUsage().orElseThrow().usages())
                .containsExactlyInAnyOrder(KeyUsage.DIGITAL_SIGNATURE, KeyUsage.KEY_ENCIPHERMENT);
        assertThat(d.defaults().extendedKeyUsage().orElseThrow().oids())
                .containsExactly("1.3.6.1.5.5.7.3.1", "1.3.6.1.5.5.7.3.2");
        assertThat(d.defaults().authorityInfoAccess().caIssuers()).isTrue();
        assertThat(d.defaults().crlDistributionPoint()).isTrue();
        assertThat(d.defaults().ocspNoCheck()).isFalse();
        assertThat(d.defaults().basicConstraints()).isEmpty();
    }

    @Test
    void jsonDefinition_isAcceptedToo() {
        String json = """
                {"id": "j", "name": "J", "policy": {"keyTypes": [{"type": "ec"}], "maxValidityDays": 10},
                 "defaults": {"validityDays": 10}}
                """;
        ProfileDefinition d = parser.parse(json);
        assertThat(d.approval()).isEqualTo(ApprovalRule.AGENT);
        assertThat(d.policy().keyTypes().get(0).curves()).containsExactlyInAnyOrder(256, 384, 521);
    }

    @Test
    void shippedProfiles_allParse_andMatchTheResourceDirectory() throws IOException {
        for (String id : ShippedProfiles.IDS) {
            ProfileDefinition d = parser.parse(ShippedProfiles.text(id));
            assertThat(d.id()).isEqualTo(id);
            assertThat(d.approval()).as(id).isEqualTo(ApprovalRule.AGENT);
        }
        Path dir = Path.of("src/main/resources/org/brevet/ca/profiles");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString().replace(".yaml", "")))
                    .containsExactlyInAnyOrderElementsOf(ShippedProfiles.IDS);
        }
    }

    @Test
    void profilesDocument_exampleParses_andIsTheShippedProfile() throws IOException {
        String doc = Files.readString(Path.of("../docs/PROFILES.md"));
        int start = doc.indexOf("```yaml\n") + "```yaml\n".length();
        String example = doc.substring(start, doc.indexOf("```", start));
        assertThat(parser.parse(example).id()).isEqualTo("caServerCert");
        String shipped = ShippedProfiles.text("caServerCert").lines().filter(l -> !l.startsWith("#"))
                .map(l -> l + "\n").reduce("", String::concat);
        assertThat(example).as("the documented example is the shipped caServerCert").isEqualTo(shipped);
    }

    static Stream<Arguments> invalid() {
        return Stream.of(
                Arguments.of("fail: unknown key type",
                        VALID.replace("type: rsa", "type: dsa"), "policy.keyTypes[0].type: unknown key type 'dsa'"),
                Arguments.of("fail: rsa too small",
                        VALID.replace("minSize: 3072", "minSize: 512"), "policy.keyTypes[0].minSize: must be between 1024"),
                Arguments.of("fail: unknown curve",
                        VALID.replace("curves: [p256]", "curves: [p256, secp256k1]"), "policy.keyTypes[1].curves[1]: unknown curve 'secp256k1'"),
                Arguments.of("fail: curves on rsa",
                        VALID.replace("minSize: 3072", "curves: [p256]"), "policy.keyTypes[0].curves: only applies to ec keys"),
                Arguments.of("fail: unknown top-level key",
                        VALID + "colour: blue\n", "colour: unknown key"),
                Arguments.of("fail: unknown nested key",
                        VALID.replace("    usages: [digitalSignature", "    critical: false\n    usages: [digitalSignature"),
                        "defaults.keyUsage.critical: unknown key"),
                Arguments.of("fail: validity above maximum",
                        VALID.replace("validityDays: 90", "validityDays: 398"), "defaults.validityDays: 398 exceeds policy.maxValidityDays (397)"),
                Arguments.of("fail: bad regex",
                        VALID.replace("subjectPattern: \"CN=", "subjectPattern: \"(CN="), "policy.subjectPattern: invalid regular expression"),
                Arguments.of("fail: unknown SAN type",
                        VALID.replace("- type: dns", "- type: x400"), "policy.subjectAltNames[0].type: unknown subject alternative name type 'x400'"),
                Arguments.of("fail: copying a profile-controlled extension",
                        VALID.replace("1.3.6.1.4.1.311.20.2", "2.5.29.19"), "policy.copyExtensions[0]: 2.5.29.19 (basicConstraints) is set by the profile"),
                Arguments.of("fail: not an OID",
                        VALID.replace("1.3.6.1.4.1.311.20.2", "msTemplate"), "policy.copyExtensions[0]: 'msTemplate' is not a dotted object identifier"),
                Arguments.of("fail: unknown key usage",
                        VALID.replace("keyEncipherment]", "keyWrapping]"), "defaults.keyUsage.usages[1]: unknown key usage 'keyWrapping'"),
                Arguments.of("fail: unknown extended key usage",
                        VALID.replace("serverAuth,", "webAuth,"), "defaults.extendedKeyUsage.usages[0]: unknown extended key usage 'webAuth'"),
                Arguments.of("fail: keyCertSign without CA",
                        VALID.replace("keyEncipherment]", "keyCertSign]"), "defaults.keyUsage.usages: keyCertSign requires basicConstraints.ca: true"),
                Arguments.of("fail: path length on an end entity",
                        VALID.replace("  subjectKeyIdentifier: true", "  basicConstraints: {ca: false, pathLength: 0}\n  subjectKeyIdentifier: true"),
                        "defaults.basicConstraints.pathLength: is only allowed when ca is true"),
                Arguments.of("fail: unknown template variable",
                        VALID.replace("  validityDays: 90", "  validityDays: 90\n  subject: \"CN=$request.email$\""),
                        "defaults.subject: unknown variable '$request.email$'"),
                Arguments.of("fail: CN copied into a DNS SAN the policy forbids",
                        VALID.replace("- type: dns", "- type: email"),
                        "defaults.subjectAltNames.commonNameToDns: policy.subjectAltNames allows no dns names"),
                Arguments.of("fail: unknown approval rule",
                        VALID.replace("approval: auto", "approval: sometimes"), "approval: unknown approval rule 'sometimes' (agent, auto, manual)"),
                Arguments.of("fail: missing policy",
                        VALID.substring(0, VALID.indexOf("policy:")) + VALID.substring(VALID.indexOf("defaults:")), "policy: is required"),
                Arguments.of("fail: no key types",
                        "id: x\nname: x\npolicy: {keyTypes: [], maxValidityDays: 1}\ndefaults: {validityDays: 1}\n", "policy.keyTypes: must allow at least one key type"),
                Arguments.of("fail: wrong value type",
                        VALID.replace("maxValidityDays: 397", "maxValidityDays: forever"), "policy.maxValidityDays: must be a whole number"),
                Arguments.of("fail: bad id",
                        VALID.replace("id: webServer", "id: \"../etc\""), "id: '../etc' must start with a letter"),
                Arguments.of("fail: duplicate key",
                        VALID.replace("name: Web servers", "name: Web servers\nname: again"), "not valid YAML"),
                Arguments.of("fail: not YAML at all",
                        "id: [unclosed", "not valid YAML"),
                Arguments.of("fail: a list, not a mapping",
                        "- a\n- b\n", "profile definition must be a mapping"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalid")
    void invalidDefinition_isRejectedWithThePathOfTheBadField(String name, String text, String expected) {
        assertThatThrownBy(() -> parser.parse(text))
                .isInstanceOfSatisfying(BrevetException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.MALFORMED);
                    assertThat(e.detail()).contains(expected);
                });
    }

    @Test
    void hugeDefinition_isRejected() {
        String text = VALID + "#" + "x".repeat(ProfileParser.MAX_LENGTH);
        assertThatThrownBy(() -> parser.parse(text)).hasMessageContaining("larger than");
    }
}
