package org.brevet.ca.crl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.x509.Extension;
import org.brevet.ca.api.CertificateRecord;
import org.brevet.ca.api.CrlInfo;
import org.brevet.ca.audit.AuditEvents;
import org.brevet.ca.auth.RoleGate;
import org.brevet.ca.testing.Harness;
import org.brevet.ca.testing.RevocationFixture;
import org.brevet.ca.testing.TestCa;
import org.brevet.pki.BrevetException;
import org.brevet.pki.Certificate;
import org.brevet.pki.Crl;
import org.brevet.pki.CrlBuilder;
import org.brevet.pki.ErrorKind;
import org.brevet.pki.RevocationReason;
import org.brevet.pki.RevokedEntry;
import org.brevet.testkit.Openssl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CrlGeneratorTest {
    @TempDir
    Path dir;

    private final RevocationFixture f = new RevocationFixture();

    private CrlGenerator generator(CrlConfig config) {
        return new CrlGenerator(config, f.h.ca, f.revocations, f.revocations, f.h.audit, f.h.clock);
    }

    private CrlConfig config() {
        return CrlConfig.master(TestCa.URLS.crlUrl(), dir);
    }

    private Crl latest(CrlInfo.Kind kind) {
        return Crl.parse(f.revocations.latestDer(CrlConfig.MASTER_CRL, kind));
    }

    private String write(String name, String pem) throws IOException {
        Files.writeString(dir.resolve(name), pem);
        return name;
    }

    @Test
    void fullCrl_listsRevokedCertificatesWithReasonsAndInvalidityDates() {
        CertificateRecord good = f.issue("CN=good.example.com");
        CertificateRecord stolen = f.issue("CN=stolen.example.com");
        CertificateRecord old = f.issue("CN=old.example.com");
        f.h.clock.advance(Duration.ofMinutes(10));
        f.revoke(stolen, RevocationReason.KEY_COMPROMISE, TestCa.START.plusSeconds(30));
        f.revoke(old, RevocationReason.UNSPECIFIED);

        CrlInfo info = generator(config()).generateFull();

        Crl crl = latest(CrlInfo.Kind.FULL);
        assertThat(info.number()).isEqualTo(BigInteger.ONE);
        assertThat(info.entries()).isEqualTo(2);
        assertThat(crl.crlNumber()).contains(BigInteger.ONE);
        assertThat(crl.thisUpdate()).isEqualTo(TestCa.START.plus(Duration.ofMinutes(10)));
        assertThat(crl.nextUpdate()).contains(TestCa.START.plus(Duration.ofMinutes(10)).plus(Duration.ofHours(4)));
        assertThat(crl.issuer()).isEqualTo(f.h.ca.certificate().subject());
        assertThat(crl.verifiedBy(f.h.ca.certificate().publicKey())).isTrue();
        assertThat(crl.find(stolen.serial())).contains(new RevokedEntry(stolen.serial(), TestCa.START.plus(Duration.ofMinutes(10)),
                RevocationReason.KEY_COMPROMISE, Optional.of(TestCa.START.plusSeconds(30))));
        assertThat(crl.find(old.serial()).orElseThrow().reason()).isEqualTo(RevocationReason.UNSPECIFIED);
        assertThat(crl.isRevoked(good.serial())).isFalse();
        assertThat(crl.toBc().getExtension(Extension.issuingDistributionPoint).isCritical()).isTrue();
        assertThat(crl.toBc().getExtension(Extension.authorityKeyIdentifier)).isNotNull();
        assertThat(crl.deltaBase()).isEmpty();
        assertThat(f.h.audit.events()).last().satisfies(e -> {
            assertThat(e.name()).isEqualTo(AuditEvents.FULL_CRL_GENERATION);
            assertThat(e.fields()).containsEntry("CRLNum", "1").containsEntry("Entries", "2");
        });
    }

    @Test
    void streamedEncoding_isByteForByteWhatBouncyCastleBuildsInMemory() throws IOException {
        CertificateRecord a = f.issue("CN=a.example.com");
        CertificateRecord b = f.issue("CN=b.example.com");
        f.revoke(a, RevocationReason.CESSATION_OF_OPERATION, TestCa.START.minusSeconds(3600));
        f.revoke(b, RevocationReason.CERTIFICATE_HOLD);
        generator(config()).generateFull();
        Crl ours = latest(CrlInfo.Kind.FULL);

        Crl reference = new CrlBuilder().issuer(f.h.ca.certificate()).thisUpdate(ours.thisUpdate())
                .nextUpdate(ours.nextUpdate().orElseThrow()).crlNumber(BigInteger.ONE)
                .issuingDistributionPoint(TestCa.URLS.crlUrl())
                .addAll(f.revocations.revoked.values().stream().map(r -> r.toEntry()).toList())
                .build(f.h.ca.signer());
        assertThat(ours.toBc().toASN1Structure().getTBSCertList().getEncoded())
                .isEqualTo(reference.toBc().toASN1Structure().getTBSCertList().getEncoded());
    }

    @Test
    void openssl_verifiesTheCrl_andRejectsOnlyTheRevokedCertificate() throws IOException {
        CertificateRecord good = f.issue("CN=good.example.com");
        CertificateRecord bad = f.issue("CN=bad.example.com");
        f.revoke(bad, RevocationReason.KEY_COMPROMISE);
        generator(config()).generateFull();
        Openssl openssl = new Openssl(dir);
        write("ca.pem", f.h.ca.certificate().toPem());
        write("crl.pem", latest(CrlInfo.Kind.FULL).toPem());
        write("good.pem", Certificate.fromDer(good.der()).toPem());
        write("bad.pem", Certificate.fromDer(bad.der()).toPem());

        assertThat(openssl.ok("crl", "-in", "crl.pem", "-CAfile", "ca.pem", "-noout").output()).contains("verify OK");
        String text = openssl.ok("crl", "-in", "crl.pem", "-noout", "-text").stdout();
        assertThat(text).contains("X509v3 CRL Number:", "X509v3 Issuing Distribution Point: critical",
                TestCa.URLS.crlUrl(), "Key Compromise", "Serial Number: " + opensslHex(bad));

        String at = String.valueOf(TestCa.START.plusSeconds(60).getEpochSecond());
        assertThat(openssl.run("verify", "-attime", at, "-crl_check", "-CRLfile", "crl.pem", "-CAfile", "ca.pem", "bad.pem"))
                .satisfies(r -> assertThat(r.exitCode()).isNotZero())
                .satisfies(r -> assertThat(r.output()).contains("certificate revoked"));
        assertThat(openssl.ok("verify", "-attime", at, "-crl_check", "-CRLfile", "crl.pem", "-CAfile", "ca.pem", "good.pem").stdout())
                .contains("good.pem: OK");
    }

    @Test
    void emptyCrl_hasNoRevokedList_andVerifies() throws IOException {
        generator(config()).generateFull();
        Crl crl = latest(CrlInfo.Kind.FULL);
        assertThat(crl.entries()).isEmpty();
        assertThat(crl.toBc().toASN1Structure().getTBSCertList().getRevokedCertificates()).isEmpty();
        write("ca.pem", f.h.ca.certificate().toPem());
        write("crl.pem", crl.toPem());
        assertThat(new Openssl(dir).ok("crl", "-in", "crl.pem", "-CAfile", "ca.pem", "-noout").output()).contains("verify OK");
    }

    @Test
    void crlNumbers_increaseWithEveryCrl_fullAndDelta() {
        CrlGenerator g = generator(config().withDeltas(Duration.ofMinutes(15), "http://ca.example.com:8080/crl/MasterCRL-delta.crl"));
        assertThat(g.generateFull().number()).isEqualTo(1);
        assertThat(g.generateDelta().number()).isEqualTo(2);
        assertThat(g.generateFull().number()).isEqualTo(3);
        assertThat(latest(CrlInfo.Kind.FULL).crlNumber()).contains(BigInteger.valueOf(3));
    }

    @Test
    void expiredCertificates_leaveTheCrlAfterTheConfiguredTime() {
        CertificateRecord c = f.issue("CN=short.example.com");
        f.revoke(c, RevocationReason.SUPERSEDED);
        f.h.clock.advance(Duration.ofDays(31));
        assertThat(generator(config().withKeepExpired(Duration.ofDays(7))).generateFull().entries()).isEqualTo(1);
        f.h.clock.advance(Duration.ofDays(7));
        assertThat(generator(config().withKeepExpired(Duration.ofDays(7))).generateFull().entries()).isZero();
        assertThat(latest(CrlInfo.Kind.FULL).isRevoked(c.serial())).isFalse();
    }

    @Test
    void deltaCrl_listsChangesSinceItsBase_includingReleasedHolds() throws IOException {
        CrlConfig config = config().withDeltas(Duration.ofMinutes(15), "http://ca.example.com:8080/crl/MasterCRL-delta.crl");
        CrlGenerator g = generator(config);
        CertificateRecord early = f.issue("CN=early.example.com");
        CertificateRecord held = f.issue("CN=held.example.com");
        CertificateRecord late = f.issue("CN=late.example.com");
        f.revoke(early, RevocationReason.KEY_COMPROMISE);
        f.revoke(held, RevocationReason.CERTIFICATE_HOLD);
        f.h.clock.advance(Duration.ofHours(1));
        CrlInfo base = g.generateFull();
        assertThat(latest(CrlInfo.Kind.FULL).toBc().getExtension(Extension.freshestCRL)).isNotNull();
        f.h.clock.advance(Duration.ofMinutes(20));
        f.revoke(late, RevocationReason.AFFILIATION_CHANGED);
        f.service.releaseHold(Harness.AGENT, held.serial(), Optional.empty());

        CrlInfo delta = g.generateDelta();

        Crl crl = latest(CrlInfo.Kind.DELTA);
        assertThat(delta.baseNumber()).contains(base.number());
        assertThat(crl.deltaBase()).contains(base.number());
        assertThat(crl.toBc().getExtension(Extension.deltaCRLIndicator).isCritical()).isTrue();
        assertThat(crl.entries()).extracting(RevokedEntry::serial).containsExactlyInAnyOrder(late.serial(), held.serial());
        assertThat(crl.find(held.serial()).orElseThrow().reason()).isEqualTo(RevocationReason.REMOVE_FROM_CRL);
        assertThat(crl.nextUpdate()).contains(crl.thisUpdate().plus(Duration.ofMinutes(15)));
        write("ca.pem", f.h.ca.certificate().toPem());
        write("delta.pem", crl.toPem());
        Openssl openssl = new Openssl(dir);
        openssl.ok("crl", "-in", "delta.pem", "-CAfile", "ca.pem", "-noout");
        assertThat(openssl.ok("crl", "-in", "delta.pem", "-noout", "-text").stdout()).contains("Delta CRL Indicator: critical", "Remove From CRL");
    }

    @Test
    void deltaWithoutBase_orDisabled_isConflict() {
        assertThatThrownBy(() -> generator(config()).generateDelta())
                .isInstanceOfSatisfying(BrevetException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.CONFLICT));
        assertThatThrownBy(() -> generator(config().withDeltas(Duration.ofMinutes(5), "http://x/d.crl")).generateDelta())
                .isInstanceOfSatisfying(BrevetException.class, e -> assertThat(e.detail()).contains("no full CRL"));
    }

    @Test
    void manyEntries_areStreamedIntoAValidCrl() throws IOException {
        int n = 20_000;
        org.brevet.ca.api.store.RevocationRepository synthetic = new SyntheticRevocations(n, TestCa.START);
        CrlGenerator g = new CrlGenerator(config(), f.h.ca, synthetic, f.revocations, f.h.audit, f.h.clock);
        CrlInfo info = g.generateFull();
        assertThat(info.entries()).isEqualTo(n);
        Crl crl = latest(CrlInfo.Kind.FULL);
        assertThat(crl.toBc().getRevokedCertificates()).hasSize(n);
        assertThat(crl.verifiedBy(f.h.ca.certificate().publicKey())).isTrue();
        write("ca.pem", f.h.ca.certificate().toPem());
        write("big.pem", crl.toPem());
        new Openssl(dir).ok("crl", "-in", "big.pem", "-CAfile", "ca.pem", "-noout");
    }

    @Test
    void crlService_unknownIssuingPoint_isNotFound_andNoDeltaWhenDisabled() {
        CrlService service = new CrlService(generator(config()), f.revocations, new RoleGate(f.h.audit), f.h.clock);
        assertThatThrownBy(() -> service.copyLatest("OtherCRL", CrlInfo.Kind.FULL, new ByteArrayOutputStream()))
                .isInstanceOfSatisfying(BrevetException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.NOT_FOUND);
                    assertThat(e.detail()).contains("unknown CRL issuing point 'OtherCRL'");
                });
        assertThatThrownBy(() -> service.copyLatest(CrlConfig.MASTER_CRL, CrlInfo.Kind.FULL, new ByteArrayOutputStream()))
                .isInstanceOfSatisfying(BrevetException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.NOT_FOUND));
        service.update(Harness.AGENT, CrlConfig.MASTER_CRL);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(service.copyLatest(CrlConfig.MASTER_CRL, CrlInfo.Kind.FULL, out).number()).isEqualTo(1);
        assertThat(Crl.parse(out.toByteArray()).crlNumber()).contains(BigInteger.ONE);
        assertThatThrownBy(() -> service.copyLatest(CrlConfig.MASTER_CRL, CrlInfo.Kind.DELTA, new ByteArrayOutputStream()))
                .isInstanceOfSatisfying(BrevetException.class, e -> assertThat(e.detail()).contains("delta CRLs are disabled"));
        assertThatThrownBy(() -> service.update(Harness.PLAIN_USER, CrlConfig.MASTER_CRL))
                .isInstanceOfSatisfying(BrevetException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.UNAUTHORIZED));
    }

    @Test
    void updateIfDue_generatesOnTheSchedule() {
        CrlService service = new CrlService(generator(config().withDeltas(Duration.ofMinutes(15), "http://x/d.crl")),
                f.revocations, new RoleGate(f.h.audit), f.h.clock);
        assertThat(service.updateIfDue()).hasValueSatisfying(i -> assertThat(i.kind()).isEqualTo(CrlInfo.Kind.FULL));
        assertThat(service.updateIfDue()).isEmpty();
        f.h.clock.advance(Duration.ofMinutes(15));
        assertThat(service.updateIfDue()).hasValueSatisfying(i -> assertThat(i.kind()).isEqualTo(CrlInfo.Kind.DELTA));
        f.h.clock.advance(Duration.ofHours(4));
        assertThat(service.updateIfDue()).hasValueSatisfying(i -> assertThat(i.kind()).isEqualTo(CrlInfo.Kind.FULL));
    }

    @Test
    void dailyTimes_makeAFullCrlDue_andBoundItsNextUpdate() {
        Instant start = f.h.clock.instant();
        LocalTime soon = LocalTime.ofInstant(start.plus(Duration.ofMinutes(30)), ZoneOffset.UTC).withSecond(0).withNano(0);
        CrlService service = new CrlService(generator(config().withDailyTimes(List.of(soon))), f.revocations,
                new RoleGate(f.h.audit), f.h.clock);
        CrlInfo first = service.updateIfDue().orElseThrow();
        Instant dailyAt = first.thisUpdate().atZone(ZoneOffset.UTC).toLocalDate().atTime(soon).toInstant(ZoneOffset.UTC);
        if (!dailyAt.isAfter(first.thisUpdate())) {
            dailyAt = dailyAt.plus(Duration.ofDays(1));
        }
        assertThat(first.nextUpdate()).as("the daily time comes before the 4-hour interval").isEqualTo(dailyAt);
        assertThat(latest(CrlInfo.Kind.FULL).nextUpdate()).contains(dailyAt);
        f.h.clock.advance(Duration.ofMinutes(20));
        assertThat(service.updateIfDue()).isEmpty();
        f.h.clock.advance(Duration.ofMinutes(11));
        assertThat(service.updateIfDue()).as("due at the daily time").hasValueSatisfying(i -> {
            assertThat(i.kind()).isEqualTo(CrlInfo.Kind.FULL);
            assertThat(i.nextUpdate()).as("then the interval, as the next daily time is a day away")
                    .isEqualTo(i.thisUpdate().plus(Duration.ofHours(4)));
        });
    }

    @Test
    void nextFullUpdate_picksTheEarlierOfTheIntervalAndTheNextDailyTime_acrossMidnight() {
        CrlConfig c = config().withUpdateInterval(Duration.ofHours(6))
                .withDailyTimes(List.of(LocalTime.of(1, 0), LocalTime.of(13, 0)));
        assertThat(c.nextFullUpdate(Instant.parse("2026-11-23T22:00:00Z"))).isEqualTo(Instant.parse("2026-11-24T01:00:00Z"));
        assertThat(c.nextFullUpdate(Instant.parse("2026-11-23T01:00:00Z"))).isEqualTo(Instant.parse("2026-11-23T07:00:00Z"));
        assertThat(c.nextFullUpdate(Instant.parse("2026-11-23T12:30:00Z"))).isEqualTo(Instant.parse("2026-11-23T13:00:00Z"));
        assertThat(config().nextFullUpdate(Instant.parse("2026-11-23T12:30:00Z"))).isEqualTo(Instant.parse("2026-11-23T16:30:00Z"));
    }

    /** openssl prints a serial's octets in upper-case hex: an even number of digits, with a leading zero when needed. */
    private static String opensslHex(CertificateRecord c) {
        String hex = c.serial().toHex().toUpperCase(java.util.Locale.ROOT);
        return hex.length() % 2 == 0 ? hex : "0" + hex;
    }
}
