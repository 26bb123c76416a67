package org.brevet.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.brevet.ca.api.CertificateRecord;
import org.brevet.ca.api.CrlInfo;
import org.brevet.ca.api.RequestId;
import org.brevet.ca.api.RevocationRecord;
import org.brevet.ca.api.store.CrlRepository;
import org.brevet.ca.api.store.Repositories;
import org.brevet.ca.api.store.RevocationRepository;
import org.brevet.pki.BrevetException;
import org.brevet.pki.ErrorKind;
import org.brevet.pki.RevocationReason;
import org.brevet.pki.SerialNumber;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The contract of {@link RevocationRepository} and {@link CrlRepository}, run on each database by a subclass. */
abstract class RevocationStoreContract {
    private static final Instant T = Records.T0.truncatedTo(ChronoUnit.SECONDS);

    private JdbcStore store;
    private Repositories repos;
    private RevocationRepository revocations;
    private CrlRepository crls;

    abstract DatabaseConfig freshDatabase();

    @BeforeEach
    void openStore() {
        store = JdbcStore.open(freshDatabase());
        repos = store.repositories();
        revocations = store.revocations();
        crls = store.crls();
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    private CertificateRecord issue(Instant notAfter) {
        RequestId id = Records.requestId();
        SerialNumber serial = Records.serial();
        CertificateRecord certificate = Records.certificate(serial, id, "CN=" + serial.toHex(), notAfter);
        repos.issuance().recordIntent(serial, id, Records.bytes(100));
        repos.issuance().storeIssuedWithNewRequest(certificate,
                Records.pending(id, "CN=x", Records.T0).completed(serial, Optional.empty(), Records.T0));
        return certificate;
    }

    private static RevocationRecord revocation(CertificateRecord c, RevocationReason reason, Instant at) {
        return new RevocationRecord(c.serial(), reason, at, Optional.empty(), "agent1", Optional.empty(), c.notAfter());
    }

    @Test
    void revoke_thenFind_returnsEveryField_andCertificateCarriesTheTime() {
        CertificateRecord c = issue(T.plus(Duration.ofDays(30)));
        RevocationRecord r = new RevocationRecord(c.serial(), RevocationReason.KEY_COMPROMISE, T.plusSeconds(60),
                Optional.of(T.minusSeconds(3600)), "agent1", Optional.of("laptop stolen"), c.notAfter());
        revocations.revoke(r);
        assertThat(revocations.find(c.serial())).contains(r);
        assertThat(repos.certificates().find(c.serial()).orElseThrow().revokedAt()).contains(T.plusSeconds(60));
        assertThat(revocations.state(c.serial())).isEqualTo(new RevocationRepository.SerialState(true, Optional.of(r)));
    }

    @Test
    void state_tellsUnknownFromGood() {
        CertificateRecord c = issue(T.plus(Duration.ofDays(30)));
        assertThat(revocations.state(c.serial())).isEqualTo(new RevocationRepository.SerialState(true, Optional.empty()));
        assertThat(revocations.state(Records.serial())).isEqualTo(RevocationRepository.SerialState.UNKNOWN);
    }

    @Test
    void revokeTwice_isAlreadyRevoked_andUnknownSerial_isNotFound() {
        CertificateRecord c = issue(T.plus(Duration.ofDays(30)));
        revocations.revoke(revocation(c, RevocationReason.SUPERSEDED, T));
        assertThatThrownBy(() -> revocations.revoke(revocation(c, RevocationReason.KEY_COMPROMISE, T)))
                .isInstanceOfSatisfying(BrevetException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.ALREADY_REVOKED));
        assertThat(revocations.find(c.serial()).orElseThrow().reason()).isEqualTo(RevocationReason.SUPERSEDED);
        SerialNumber unknown = Records.serial();
        assertThatThrownBy(() -> revocations.revoke(new RevocationRecord(unknown, RevocationReason.UNSPECIFIED, T,
                Optional.empty(), "a", Optional.empty(), T)))
                .isInstanceOfSatisfying(BrevetException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.NOT_FOUND));
    }

    @Test
    void concurrentRevocations_oneWins() throws Exception {
        CertificateRecord c = issue(T.plus(Duration.ofDays(30)));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> results = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            results.add(pool.submit(() -> revocations.revoke(revocation(c, RevocationReason.KEY_COMPROMISE, T))));
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        int won = 0;
        for (Future<?> f : results) {
            try {
                f.get();
                won++;
            } catch (java.util.concurrent.ExecutionException e) {
                assertThat(((BrevetException) e.getCause()).kind()).isEqualTo(ErrorKind.ALREADY_REVOKED);
            }
        }
        assertThat(won).isEqualTo(1);
    }

    @Test
    void release_onlyFromHold_andIsListedAsRemoveFromCrlSinceThen() {
        CertificateRecord held = issue(T.plus(Duration.ofDays(30)));
        CertificateRecord revoked = issue(T.plus(Duration.ofDays(30)));
        revocations.revoke(revocation(held, RevocationReason.CERTIFICATE_HOLD, T));
        revocations.revoke(revocation(revoked, RevocationReason.KEY_COMPROMISE, T));

        assertThat(revocations.release(revoked.serial(), T.plusSeconds(10))).isEmpty();
        assertThat(revocations.release(Records.serial(), T.plusSeconds(10))).isEmpty();
        assertThat(revocations.release(held.serial(), T.plusSeconds(120))).hasValueSatisfying(r -> assertThat(r.onHold()).isTrue());
        assertThat(revocations.release(held.serial(), T.plusSeconds(130))).isEmpty();
        assertThat(revocations.find(held.serial())).isEmpty();
        assertThat(revocations.find(revoked.serial())).isPresent();

        List<RevocationRecord> changes = new ArrayList<>();
        revocations.forEachChangeSince(T.plusSeconds(60), T, changes::add);
        assertThat(changes).singleElement().satisfies(r -> {
            assertThat(r.serial()).isEqualTo(held.serial());
            assertThat(r.reason()).isEqualTo(RevocationReason.REMOVE_FROM_CRL);
            assertThat(r.revokedAt()).isEqualTo(T.plusSeconds(120));
        });

        revocations.revoke(revocation(held, RevocationReason.KEY_COMPROMISE, T.plusSeconds(200)));
        changes.clear();
        revocations.forEachChangeSince(T.plusSeconds(60), T, changes::add);
        assertThat(changes).singleElement().satisfies(r -> assertThat(r.reason()).isEqualTo(RevocationReason.KEY_COMPROMISE));
    }

    @Test
    void forEachRevoked_streamsEveryRevocation_butThoseExpiredBeforeTheCutoff() {
        List<SerialNumber> expected = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            CertificateRecord c = issue(T.plus(Duration.ofDays(30)));
            revocations.revoke(revocation(c, RevocationReason.values()[i % 6], T.plusSeconds(i)));
            expected.add(c.serial());
        }
        CertificateRecord expired = issue(T.minus(Duration.ofDays(1)));
        revocations.revoke(revocation(expired, RevocationReason.SUPERSEDED, T.minus(Duration.ofDays(2))));
        issue(T.plus(Duration.ofDays(30))); // good, not listed

        List<SerialNumber> seen = new ArrayList<>();
        revocations.forEachRevoked(T, r -> seen.add(r.serial()));
        assertThat(seen).containsExactlyInAnyOrderElementsOf(expected);
        seen.clear();
        revocations.forEachRevoked(T.minus(Duration.ofDays(7)), r -> seen.add(r.serial()));
        assertThat(seen).hasSize(31).contains(expired.serial());
    }

    @Test
    void crlNumbers_startAtTheStartingNumber_andNeverRepeat() throws Exception {
        assertThat(crls.nextCrlNumber("MasterCRL", BigInteger.TEN)).isEqualTo(10);
        assertThat(crls.nextCrlNumber("MasterCRL", BigInteger.TEN)).isEqualTo(11);
        assertThat(crls.nextCrlNumber("OtherCRL", BigInteger.ONE)).isEqualTo(1);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<BigInteger>> numbers = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            numbers.add(pool.submit(() -> crls.nextCrlNumber("MasterCRL", BigInteger.TEN)));
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        List<BigInteger> taken = new ArrayList<>();
        for (Future<BigInteger> f : numbers) {
            taken.add(f.get());
        }
        assertThat(taken).doesNotHaveDuplicates().allSatisfy(n -> assertThat(n).isBetween(BigInteger.valueOf(12), BigInteger.valueOf(51)));
    }

    @Test
    void crl_storedInChunks_readBackWhole_andNeverReplacedByALowerNumber() {
        byte[] big = Records.bytes(JdbcCrlRepository.CHUNK * 2 + 1234).bytes();
        CrlInfo second = info(2, big.length);
        assertThat(crls.store(second, new ByteArrayInputStream(big))).isTrue();
        assertThat(crls.store(info(1, 10), new ByteArrayInputStream(new byte[10]))).isFalse();

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(crls.copyLatest("MasterCRL", CrlInfo.Kind.FULL, out)).contains(second);
        assertThat(out.toByteArray()).isEqualTo(big);
        assertThat(crls.latest("MasterCRL", CrlInfo.Kind.DELTA)).isEmpty();
        assertThat(crls.copyLatest("MasterCRL", CrlInfo.Kind.DELTA, new ByteArrayOutputStream())).isEmpty();

        byte[] small = {1, 2, 3};
        assertThat(crls.store(info(3, 3), new ByteArrayInputStream(small))).isTrue();
        out.reset();
        crls.copyLatest("MasterCRL", CrlInfo.Kind.FULL, out);
        assertThat(out.toByteArray()).isEqualTo(small);
        assertThat(crls.latest("MasterCRL", CrlInfo.Kind.FULL).orElseThrow().number()).isEqualTo(3);
    }

    @Test
    void deltaCrl_keepsItsBaseNumber() {
        CrlInfo delta = new CrlInfo("MasterCRL", CrlInfo.Kind.DELTA, BigInteger.valueOf(5), Optional.of(BigInteger.valueOf(4)),
                T, T.plusSeconds(900), 2, 3);
        crls.store(delta, new ByteArrayInputStream(new byte[3]));
        assertThat(crls.latest("MasterCRL", CrlInfo.Kind.DELTA)).contains(delta);
    }

    private static CrlInfo info(long number, long length) {
        return new CrlInfo("MasterCRL", CrlInfo.Kind.FULL, BigInteger.valueOf(number), Optional.empty(), T,
                T.plus(Duration.ofHours(4)), 7, length);
    }
}
