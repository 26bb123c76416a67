package org.brevet.protocol.crmf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPair;
import java.security.SecureRandom;
import java.util.stream.Stream;
import org.bouncycastle.asn1.crmf.CRMFObjectIdentifiers;
import org.brevet.pki.BrevetException;
import org.brevet.pki.Der;
import org.brevet.pki.ErrorKind;
import org.brevet.pki.KeySpec;
import org.brevet.pki.PublicKeys;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class ArchiveOptionsTest {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final KeyPair TRANSPORT = KeySpec.RSA_2048.generate(RANDOM);
    private static final KeyPair OTHER_TRANSPORT = KeySpec.RSA_2048.generate(RANDOM);
    private static final KeyPair RSA_USER = KeySpec.RSA_2048.generate(RANDOM);
    private static final KeyPair EC_USER = KeySpec.EC_P256.generate(RANDOM);

    static Stream<Arguments> keysAndAlgorithms() {
        return Stream.of(KeyWrapAlgorithm.values()).flatMap(alg -> Stream.of(
                Arguments.of("ok: RSA key, " + alg, RSA_USER, alg),
                Arguments.of("ok: EC key, " + alg, EC_USER, alg)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("keysAndAlgorithms")
    void wrapThenParseAndUnwrap_returnsTheSamePrivateKey(String name, KeyPair user, KeyWrapAlgorithm alg) {
        Der der = ArchiveOptions.wrap(user.getPrivate(), TRANSPORT.getPublic(), alg, RANDOM).toDer();

        ArchiveOptions parsed = ArchiveOptions.parse(der);

        assertThat(parsed.encryptedKey().keyWrapAlgorithm()).isEqualTo(alg);
        assertThat(parsed.unwrap(TRANSPORT.getPrivate()).getEncoded()).isEqualTo(user.getPrivate().getEncoded());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sessionKeyWrappings")
    void sessionKeyWrapping_eachAccepted(SessionKeyWrapping wrapping) {
        Der der = ArchiveOptions.wrap(EC_USER.getPrivate(), TRANSPORT.getPublic(), KeyWrapAlgorithm.AES_128_KEY_WRAP_PAD,
                wrapping, RANDOM).toDer();

        ArchiveOptions parsed = ArchiveOptions.parse(der);

        assertThat(parsed.encryptedKey().sessionKeyWrappings()).containsExactly(wrapping);
        assertThat(parsed.unwrap(TRANSPORT.getPrivate()).getEncoded()).isEqualTo(EC_USER.getPrivate().getEncoded());
    }

    static Stream<SessionKeyWrapping> sessionKeyWrappings() {
        return Stream.of(SessionKeyWrapping.values());
    }

    @Test
    void unwrap_withAnotherTransportKey_failsWithBadPop() {
        for (KeyWrapAlgorithm alg : KeyWrapAlgorithm.values()) {
            ArchiveOptions options = ArchiveOptions.parse(
                    ArchiveOptions.wrap(RSA_USER.getPrivate(), OTHER_TRANSPORT.getPublic(), alg, RANDOM).toDer());

            assertThatThrownBy(() -> options.unwrap(TRANSPORT.getPrivate()))
                    .isInstanceOf(BrevetException.class)
                    .satisfies(e -> assertThat(((BrevetException) e).kind()).isEqualTo(ErrorKind.BAD_POP))
                    .hasMessageContaining("not wrapped to this key");
        }
    }

    @Test
    void archiveOptions_inACrmfRequest_comeBackFromTheControl() {
        ArchiveOptions options = ArchiveOptions.wrap(EC_USER.getPrivate(), TRANSPORT.getPublic(),
                KeyWrapAlgorithm.AES_128_CBC_PAD, RANDOM);
        CrmfRequest request = new CrmfRequestBuilder()
                .subject(org.brevet.pki.DistinguishedName.parse("CN=Alice"))
                .control(CRMFObjectIdentifiers.id_regCtrl_pkiArchiveOptions.getId(), options.toDer())
                .build(org.brevet.pki.Signer.of(EC_USER.getPrivate(), EC_USER.getPublic()));

        CrmfRequest parsed = CrmfRequest.parse(request.toDer());

        assertThat(parsed.hasArchiveOptions()).isTrue();
        ArchiveOptions back = ArchiveOptions.parse(parsed.archiveOptions().orElseThrow());
        assertThat(PublicKeys.toDer(parsed.publicKey())).isEqualTo(PublicKeys.toDer(EC_USER.getPublic()));
        assertThat(back.unwrap(TRANSPORT.getPrivate()).getEncoded()).isEqualTo(EC_USER.getPrivate().getEncoded());
    }

    @Test
    void parse_garbage_isMalformed() {
        assertThatThrownBy(() -> ArchiveOptions.parse(Der.of(new byte[] {0x30, 0x03, 0x02, 0x01, 0x01})))
                .isInstanceOf(BrevetException.class)
                .satisfies(e -> assertThat(((BrevetException) e).kind()).isEqualTo(ErrorKind.MALFORMED));
    }

    @Test
    void keyWrapAlgorithm_parsesCrmfPopClientNames() {
        assertThat(KeyWrapAlgorithm.parse("AES KeyWrap/Padding")).isEqualTo(KeyWrapAlgorithm.AES_128_KEY_WRAP_PAD);
        assertThat(KeyWrapAlgorithm.parse("AES/CBC/PKCS5Padding")).isEqualTo(KeyWrapAlgorithm.AES_128_CBC_PAD);
        assertThatThrownBy(() -> KeyWrapAlgorithm.parse("DES3/CBC/Pad"))
                .isInstanceOf(BrevetException.class).hasMessageContaining("AES KeyWrap/Padding");
    }
}
