package org.brevet.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class CertificateChainTest {
    private static final Instant NOW = Instant.now();

    private final TestPkis root = TestPkis.create(KeySpec.EC_P256, NOW);
    private final KeyPair subKeys = KeySpec.EC_P256.generate(TestPkis.RANDOM);
    private final Certificate sub = new CertificateBuilder().serial(SerialNumber.random(TestPkis.RANDOM)).issuer(root.ca())
            .subject(DistinguishedName.parse("CN=Sub CA,O=EXAMPLE.COM")).validity(NOW.minusSeconds(60), NOW.plus(Duration.ofDays(90)))
            .publicKey(subKeys.getPublic()).basicConstraints(true, OptionalInt.of(0), true)
            .keyUsage(EnumSet.of(KeyUsage.KEY_CERT_SIGN, KeyUsage.CRL_SIGN)).subjectKeyIdentifier()
            .build(Signer.of(root.caKeys().getPrivate(), root.caKeys().getPublic()));
    private final TestPkis subPki = new TestPkis(subKeys, sub);
    private final Certificate leaf = subPki.issue(KeySpec.RSA_2048.generate(TestPkis.RANDOM), "CN=leaf",
            List.of(SubjectAltName.dns("leaf.example")), List.of(ExtendedKeyUsage.SERVER_AUTH), NOW);

    @Test
    void order_unorderedBundle_buildsLeafToRoot() {
        Certificate stranger = TestPkis.create(KeySpec.EC_P256, NOW).ca();
        CertificateChain chain = CertificateChain.order(leaf, List.of(root.ca(), stranger, sub));
        assertThat(chain.certificates()).containsExactly(leaf, sub, root.ca());
        assertThat(chain.isComplete()).isTrue();
        assertThat(Certificate.parseAll(chain.toPem())).isEqualTo(chain.certificates());
    }

    @Test
    void order_missingIntermediate_stopsAtLeaf() {
        CertificateChain chain = CertificateChain.order(leaf, List.of(root.ca()));
        assertThat(chain.certificates()).containsExactly(leaf);
        assertThat(chain.isComplete()).isFalse();
    }

    @Test
    void validate_trustedChain_passes() {
        CertificateChain.order(leaf, List.of(sub, root.ca())).validate(List.of(root.ca()), NOW);
    }

    @Test
    void validate_otherAnchor_isUnauthorized() {
        Certificate stranger = TestPkis.create(KeySpec.EC_P256, NOW, "CN=Stranger CA").ca();
        assertThatThrownBy(() -> CertificateChain.order(leaf, List.of(sub, root.ca())).validate(List.of(stranger), NOW))
                .isInstanceOfSatisfying(BrevetException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.UNAUTHORIZED));
    }

    @Test
    void validate_tamperedLeafSignature_isBadSignature() {
        byte[] der = leaf.toDer().bytes();
        der[der.length - 2] ^= 0x55;
        Certificate tampered = Certificate.parse(der);
        assertThatThrownBy(() -> new CertificateChain(List.of(tampered, sub, root.ca())).validate(List.of(root.ca()), NOW))
                .isInstanceOfSatisfying(BrevetException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.BAD_SIGNATURE));
    }

    @Test
    void validate_afterExpiry_isUnauthorizedSayingExpired() {
        CertificateChain chain = CertificateChain.order(leaf, List.of(sub, root.ca()));
        assertThatThrownBy(() -> chain.validate(List.of(root.ca()), NOW.plus(Duration.ofDays(60))))
                .isInstanceOfSatisfying(BrevetException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.UNAUTHORIZED);
                    assertThat(e.detail()).contains("expired");
                });
    }
}
