package org.brevet.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CrlTest {
    private static final Instant NOW = Instant.now();

    @TempDir
    Path dir;

    private final TestPkis pki = TestPkis.create(KeySpec.EC_P256, NOW);
    private final Certificate revoked = pki.issue(KeySpec.EC_P256.generate(TestPkis.RANDOM), "CN=revoked", List.of(),
            List.of(ExtendedKeyUsage.CLIENT_AUTH), NOW);
    private final Certificate good = pki.issue(KeySpec.EC_P256.generate(TestPkis.RANDOM), "CN=good", List.of(),
            List.of(ExtendedKeyUsage.CLIENT_AUTH), NOW);

    private Crl crl() {
        return new CrlBuilder().issuer(pki.ca()).thisUpdate(NOW).nextUpdate(NOW.plus(Duration.ofHours(4)))
                .crlNumber(BigInteger.valueOf(42))
                .add(new RevokedEntry(revoked.serial(), NOW.minusSeconds(60), RevocationReason.KEY_COMPROMISE,
                        Optional.of(NOW.minus(Duration.ofDays(1)))))
                .add(RevokedEntry.of(new SerialNumber(BigInteger.valueOf(7)), NOW.minusSeconds(30), RevocationReason.UNSPECIFIED))
                .build(Signer.of(pki.caKeys().getPrivate(), pki.caKeys().getPublic()));
    }

    @Test
    void build_thenParse_roundTripsEveryField() {
        Crl built = crl();
        Crl crl = Crl.parse(built.toPem());
        assertThat(crl).isEqualTo(built);
        assertThat(crl.issuer()).isEqualTo(pki.ca().subject());
        assertThat(crl.thisUpdate()).isEqualTo(NOW.truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
        assertThat(crl.nextUpdate()).contains(NOW.plus(Duration.ofHours(4)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
        assertThat(crl.crlNumber()).contains(BigInteger.valueOf(42));
        assertThat(crl.deltaBase()).isEmpty();
        assertThat(crl.entries()).hasSize(2);
        RevokedEntry e = crl.find(revoked.serial()).orElseThrow();
        assertThat(e.reason()).isEqualTo(RevocationReason.KEY_COMPROMISE);
        assertThat(e.invalidityDate()).contains(NOW.minus(Duration.ofDays(1)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
        assertThat(crl.find(new SerialNumber(BigInteger.valueOf(7))).orElseThrow().reason()).isEqualTo(RevocationReason.UNSPECIFIED);
        assertThat(crl.isRevoked(good.serial())).isFalse();
        assertThat(crl.verifiedBy(pki.caKeys().getPublic())).isTrue();
        assertThat(crl.toX509().isRevoked(revoked.toX509())).isTrue();
    }

    @Test
    void opensslVerifyWithCrlCheck_rejectsRevokedAndAcceptsGood() throws Exception {
        Files.writeString(dir.resolve("ca.pem"), pki.ca().toPem());
        Files.writeString(dir.resolve("crl.pem"), crl().toPem());
        Files.writeString(dir.resolve("revoked.pem"), revoked.toPem());
        Files.writeString(dir.resolve("good.pem"), good.toPem());

        OpensslProcess.Result bad = OpensslProcess.run(dir, "verify", "-crl_check", "-CAfile", "ca.pem", "-CRLfile", "crl.pem", "revoked.pem");
        assertThat(bad.exitCode()).isNotZero();
        assertThat(bad.stdout() + bad.stderr()).contains("certificate revoked");
        OpensslProcess.run(dir, "verify", "-crl_check", "-CAfile", "ca.pem", "-CRLfile", "crl.pem", "good.pem").assertOk();

        String text = OpensslProcess.run(dir, "crl", "-in", "crl.pem", "-noout", "-text").assertOk().stdout();
        assertThat(text).contains("X509v3 CRL Number:", "42", "Key Compromise", "Invalidity Date");
    }

    @Test
    void deltaCrl_carriesCriticalIndicatorAndIssuingDistributionPoint() throws Exception {
        Crl delta = new CrlBuilder().issuer(pki.ca()).thisUpdate(NOW).nextUpdate(NOW.plusSeconds(600))
                .crlNumber(BigInteger.valueOf(43)).deltaOf(BigInteger.valueOf(42))
                .issuingDistributionPoint("http://ca.example.com/ca/ee/ca/getCRL")
                .build(Signer.of(pki.caKeys().getPrivate(), pki.caKeys().getPublic()));
        assertThat(delta.deltaBase()).contains(BigInteger.valueOf(42));
        assertThat(delta.entries()).isEmpty();
        Files.writeString(dir.resolve("d.pem"), delta.toPem());
        String text = OpensslProcess.run(dir, "crl", "-in", "d.pem", "-noout", "-text").assertOk().stdout();
        assertThat(text).contains("Delta CRL Indicator: critical", "Issuing Distribution Point: critical", "No Revoked Certificates");
    }

    @Test
    void verifiedBy_otherKey_isFalse() {
        KeyPair other = KeySpec.EC_P256.generate(TestPkis.RANDOM);
        assertThat(crl().verifiedBy(other.getPublic())).isFalse();
    }

    @Test
    void parse_garbage_isMalformed() {
        assertThatThrownBy(() -> Crl.parse("nope"))
                .isInstanceOfSatisfying(BrevetException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.MALFORMED));
        byte[] der = crl().toDer().bytes();
        assertThatThrownBy(() -> Crl.parse(java.util.Arrays.copyOf(der, der.length - 5)))
                .isInstanceOfSatisfying(BrevetException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.MALFORMED));
    }

    @Test
    void revocationReason_parsesCodesAndNames() {
        assertThat(RevocationReason.parse("1")).isEqualTo(RevocationReason.KEY_COMPROMISE);
        assertThat(RevocationReason.parse("Key_Compromise")).isEqualTo(RevocationReason.KEY_COMPROMISE);
        assertThat(RevocationReason.parse("certificateHold")).isEqualTo(RevocationReason.CERTIFICATE_HOLD);
        assertThat(RevocationReason.parse("REMOVE_FROM_CRL").code()).isEqualTo(8);
        assertThatThrownBy(() -> RevocationReason.parse("7")).isInstanceOf(BrevetException.class);
        assertThatThrownBy(() -> RevocationReason.parse("bored")).isInstanceOf(BrevetException.class);
    }
}
