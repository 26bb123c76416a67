package org.brevet.tracker.submit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.brevet.pki.Certificate;
import org.brevet.pki.Csr;
import org.brevet.pki.CsrBuilder;
import org.brevet.pki.DistinguishedName;
import org.brevet.pki.KeySpec;
import org.brevet.pki.Signer;
import org.brevet.pki.SubjectAltName;
import org.brevet.tracker.state.CsrTemplate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalCaTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private final SecureRandom random = new SecureRandom();

    @TempDir
    Path dir;

    private Csr csr() {
        KeyPair key = KeySpec.EC_P256.generate(random);
        return new CsrBuilder().subject(DistinguishedName.parse("CN=leaf.example.test"))
                .subjectAltNames(List.of(SubjectAltName.dns("leaf.example.test")))
                .build(Signer.of(key.getPrivate(), key.getPublic()));
    }

    @Test
    void issuesLeaf_signedByItsCa_andKeepsTheCaAcrossRestarts() {
        Clock clock = Clock.fixed(T0, ZoneOffset.UTC);
        LocalCa ca = new LocalCa(dir, clock, random, Duration.ofDays(365));

        Certificate leaf = ca.issue(csr(), CsrTemplate.empty());
        Certificate again = new LocalCa(dir, clock, random, Duration.ofDays(365)).certificate();

        assertThat(leaf.verifiedBy(ca.certificate().publicKey())).isTrue();
        assertThat(leaf.isCa()).isFalse();
        assertThat(leaf.notAfter()).isEqualTo(T0.plus(Duration.ofDays(365)));
        assertThat(leaf.subjectAltNames()).containsExactly(SubjectAltName.dns("leaf.example.test"));
        assertThat(again).isEqualTo(ca.certificate());
        assertThat(ca.certificate().subject().rfc4514()).startsWith("CN=Local Signing Authority,CN=");
    }

    @Test
    void caNearItsEnd_isRolledOver_soLeavesGetTheirFullLife() {
        LocalCa first = new LocalCa(dir, Clock.fixed(T0, ZoneOffset.UTC), random, Duration.ofDays(365));
        Certificate oldCa = first.certificate();
        Instant late = oldCa.notAfter().minus(Duration.ofDays(400));

        LocalCa later = new LocalCa(dir, Clock.fixed(late, ZoneOffset.UTC), random, Duration.ofDays(365));
        Certificate leaf = later.issue(csr(), CsrTemplate.empty());

        assertThat(later.certificate()).isNotEqualTo(oldCa);
        assertThat(leaf.notAfter()).isEqualTo(late.plus(Duration.ofDays(365)));
        assertThat(leaf.verifiedBy(later.certificate().publicKey())).isTrue();
        assertThat(dir.resolve("ca-previous.crt")).exists();
    }

    @Test
    void localSubmitter_returnsTheCaCertificateAsChain() {
        LocalCa ca = new LocalCa(dir, Clock.fixed(T0, ZoneOffset.UTC), random, Duration.ofDays(30));

        SubmitOutcome o = new LocalCaSubmitter(ca).submit(new SubmitRequest("local", csr(), CsrTemplate.empty(),
                Optional.empty(), Optional.empty(), Optional.empty()));

        assertThat(o).isInstanceOf(SubmitOutcome.Issued.class);
        assertThat(((SubmitOutcome.Issued) o).chainPem()).containsExactly(ca.certificate().toPem());
        assertThat(Files.exists(dir.resolve("ca.key"))).isTrue();
    }
}
