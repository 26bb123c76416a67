package org.brevet.ca.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.brevet.ca.CaIdentity;
import org.brevet.ca.RevocationAuthority;
import org.brevet.ca.api.CrlInfo;
import org.brevet.ca.crl.CrlConfig;
import org.brevet.ca.ocsp.OcspConfig;
import org.brevet.ca.ocsp.OcspSigning;
import org.brevet.ca.testing.Harness;
import org.brevet.ca.testing.InMemoryRevocations;
import org.brevet.ca.testing.InMemoryStore;
import org.brevet.ca.testing.MutableClock;
import org.brevet.ca.testing.RecordingAuditLog;
import org.brevet.ca.testing.TestCa;
import org.brevet.pki.BrevetException;
import org.brevet.pki.ErrorKind;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two nodes of one CA over shared (in-memory) tables, moved through time by a clock: who is CRL master, and when CRLs appear. */
class ClusterMemberTest {
    private static final Duration LEASE = Duration.ofSeconds(30);
    private static final Duration BEAT = Duration.ofSeconds(5);

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(TestCa.START);
    private final InMemoryClusterStores tables = new InMemoryClusterStores();
    private InMemoryRevocations crlTables;
    private Cluster.Node a;
    private Cluster.Node b;

    @BeforeEach
    void twoNodes() {
        crlTables = new InMemoryRevocations(new InMemoryStore());
        a = node("a");
        b = node("b");
    }

    private Cluster.Node node(String id) {
        CaIdentity ca = TestCa.identity();
        RecordingAuditLog audit = new RecordingAuditLog();
        Cluster cluster = new Cluster(new ClusterSettings(id, id + ".example.com", 8443, 8080, "test", LEASE, BEAT,
                Duration.ofSeconds(1)), tables.stores(), clock);
        RevocationAuthority status = RevocationAuthority.create(CrlConfig.master(TestCa.URLS.crlUrl(), dir),
                OcspConfig.defaults(), OcspSigning.caKey(ca), ca, new InMemoryStore().repositories().certificates(),
                crlTables, cluster.fence(crlTables), audit, clock);
        return cluster.start(status.crlSchedule(), audit);
    }

    private BigInteger latestNumber() {
        return crlTables.latest(CrlConfig.MASTER_CRL, CrlInfo.Kind.FULL).orElseThrow().number();
    }

    @Test
    void firstNode_becomesMaster_andPublishesTheFirstCrl_secondNodeStaysClone() {
        a.member().join();
        b.member().join();

        assertThat(a.member().tick()).isPresent();
        assertThat(b.member().tick()).isEmpty();
        assertThat(a.member().isMaster()).isTrue();
        assertThat(b.member().isMaster()).isFalse();
        assertThat(tables.current(Cluster.CRL_MASTER).orElseThrow().holder()).isEqualTo("a");
    }

    @Test
    void masterSilentPastTheLease_otherNodeTakesOver_andPublishesAHigherCrlAtOnce() {
        a.member().join();
        b.member().join();
        a.member().tick();
        BigInteger first = latestNumber();

        clock.advance(LEASE.minusSeconds(1));
        assertThat(b.member().tick()).as("the lease has not expired yet").isEmpty();
        clock.advance(Duration.ofSeconds(1));
        Optional<CrlInfo> takeover = b.member().tick();

        assertThat(takeover).isPresent();
        assertThat(takeover.get().number()).isGreaterThan(first);
        assertThat(tables.current(Cluster.CRL_MASTER).orElseThrow().fencingToken()).isEqualTo(2);
        assertThat(a.member().tick()).as("the old master comes back as a clone").isEmpty();
        assertThat(a.member().isMaster()).isFalse();
        assertThat(latestNumber()).isEqualTo(takeover.get().number());
    }

    @Test
    void masterThatLostItsLease_cannotPublish_evenBeforeItNotices() {
        a.member().join();
        b.member().join();
        a.member().tick();
        tables.seize(Cluster.CRL_MASTER, "b", clock.instant(), LEASE); // ca promote of b, a not told yet

        assertThat(a.member().isMaster()).as("a still believes it").isTrue();
        assertThatThrownBy(() -> a.crls().update(Harness.AGENT, CrlConfig.MASTER_CRL))
                .isInstanceOfSatisfying(BrevetException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.CONFLICT);
                    assertThat(e.detail()).contains("not the CRL master").contains("held by b, term 2");
                });
    }

    @Test
    void crlRequestOnAClone_isCarriedOutByTheMaster() {
        a.member().join();
        b.member().join();
        a.member().tick();
        BigInteger first = latestNumber();
        long id = tables.request(CrlConfig.MASTER_CRL, "agent1", clock.instant());

        clock.advance(BEAT);
        Optional<CrlInfo> served = a.member().tick();

        assertThat(served).isPresent();
        assertThat(tables.result(id)).contains(served.get().number());
        assertThat(served.get().number()).isGreaterThan(first);
    }

    @Test
    void requestWithoutWaiting_onAClone_isQueued_andTheMastersNextHeartbeatCarriesItOut() {
        a.member().join();
        b.member().join();
        a.member().tick();
        BigInteger first = latestNumber();

        b.crls().requestUpdate(Harness.AGENT, CrlConfig.MASTER_CRL);
        assertThat(tables.pending(CrlConfig.MASTER_CRL)).hasSize(1);
        assertThat(latestNumber()).isEqualTo(first);
        a.member().tick();

        assertThat(tables.pending(CrlConfig.MASTER_CRL)).isEmpty();
        assertThat(latestNumber()).isGreaterThan(first);
        assertThatThrownBy(() -> b.crls().requestUpdate(Harness.PLAIN_USER, CrlConfig.MASTER_CRL))
                .isInstanceOfSatisfying(BrevetException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.UNAUTHORIZED));
    }

    @Test
    void crlRequestOnAClone_withNoMaster_isUnavailableAfterTheWait_andStaysQueued() {
        b.member().join();
        tables.seize(Cluster.CRL_MASTER, "gone", clock.instant(), LEASE);
        b.member().tick();

        assertThatThrownBy(() -> b.crls().update(Harness.AGENT, CrlConfig.MASTER_CRL))
                .isInstanceOfSatisfying(BrevetException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.UNAVAILABLE));
        assertThat(tables.pending(CrlConfig.MASTER_CRL)).hasSize(1);
    }

    @Test
    void demotedMaster_givesUpTheLease_andANodeTakesItAtItsNextHeartbeat() {
        a.member().join();
        b.member().join();
        a.member().tick();
        tables.setStandby("a", true);

        a.member().tick();
        b.member().tick();

        assertThat(a.member().isMaster()).isFalse();
        assertThat(b.member().isMaster()).isTrue();
        clock.advance(LEASE.multipliedBy(2));
        a.member().tick();
        assertThat(tables.current(Cluster.CRL_MASTER).orElseThrow().holder()).as("a standby never takes it").isEqualTo("b");
    }
}
