package org.brevet.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPair;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class KeySpecTest {
    private static final SecureRandom RANDOM = new SecureRandom();

    @ParameterizedTest
    @ValueSource(strings = {"rsa:2048", "rsa:3072", "rsa:4096", "ec:p256", "ec:p384", "ec:p521"})
    void parse_validSpec_roundTripsThroughToString(String text) {
        assertThat(KeySpec.parse(text).toString()).isEqualTo(text);
    }

    @Test
    void parse_curveAliasesAndCase_normalise() {
        assertThat(KeySpec.parse("EC:prime256v1")).isEqualTo(KeySpec.EC_P256);
        assertThat(KeySpec.parse("ec:secp384r1")).isEqualTo(KeySpec.EC_P384);
        assertThat(KeySpec.parse("ec:P-521")).isEqualTo(KeySpec.EC_P521);
        assertThat(KeySpec.parse(" RSA:4096 ")).isEqualTo(KeySpec.RSA_4096);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "rsa", "rsa:", "rsa:abc", "rsa:1024", "rsa:2047", "ec:p192", "dsa:2048", "ec", "ed25519:1"})
    void parse_invalidSpec_isMalformed(String text) {
        assertThatThrownBy(() -> KeySpec.parse(text))
                .isInstanceOfSatisfying(BrevetException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.MALFORMED);
                    assertThat(e.detail()).containsAnyOf(text.trim(), "RSA key size");
                });
    }

    @Test
    void of_certmongerStyle_mapsTypeAndSize() {
        assertThat(KeySpec.of("RSA", 2048)).isEqualTo(KeySpec.RSA_2048);
        assertThat(KeySpec.of("ec", 256)).isEqualTo(KeySpec.EC_P256);
        assertThatThrownBy(() -> KeySpec.of("DSA", 2048)).isInstanceOf(BrevetException.class);
        assertThatThrownBy(() -> KeySpec.of("EC", 255)).isInstanceOf(BrevetException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"rsa:2048", "ec:p256", "ec:p384", "ec:p521"})
    void generate_thenOfPublicKey_describesTheSameSpec(String text) {
        KeySpec spec = KeySpec.parse(text);
        KeyPair kp = spec.generate(RANDOM);
        assertThat(KeySpec.of(kp.getPublic())).isEqualTo(spec);
        assertThat(kp.getPrivate().getAlgorithm()).isIn("RSA", "EC", "ECDSA");
    }

    @Test
    void signatureAlgorithm_followsKeySize() {
        assertThat(KeySpec.RSA_4096.signatureAlgorithm()).isEqualTo(SignatureAlgorithm.SHA256_WITH_RSA);
        assertThat(KeySpec.EC_P256.signatureAlgorithm()).isEqualTo(SignatureAlgorithm.SHA256_WITH_ECDSA);
        assertThat(KeySpec.EC_P384.signatureAlgorithm()).isEqualTo(SignatureAlgorithm.SHA384_WITH_ECDSA);
        assertThat(KeySpec.EC_P521.signatureAlgorithm()).isEqualTo(SignatureAlgorithm.SHA512_WITH_ECDSA);
    }
}
