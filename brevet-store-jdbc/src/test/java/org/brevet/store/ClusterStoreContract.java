package org.brevet.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import org.brevet.ca.api.ClusterNode;
import org.brevet.ca.api.Lease;
import org.brevet.ca.api.store.ClusterNodes;
import org.brevet.ca.api.store.CrlUpdateRequests;
import org.brevet.ca.api.store.Leases;
import org.brevet.pki.BrevetException;
import org.brevet.pki.ErrorKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The contract of {@link Leases}, {@link ClusterNodes} and {@link CrlUpdateRequests}, run on each database. */
abstract class ClusterStoreContract {
    private static final Instant T = Records.T0.truncatedTo(ChronoUnit.SECONDS);
    private static final Duration TTL = Duration.ofSeconds(30);
    private static final String NAME = "crl-master";

    private JdbcStore store;
    private Leases leases;

    abstract DatabaseConfig freshDatabase();

    @BeforeEach
    void openStore() {
        store = JdbcStore.open(freshDatabase());
        leases = store.leases();
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    @Test
    void firstAcquire_takesTheLease_withFencingTokenOne() {
        Lease lease = leases.acquire(NAME, "a", T, TTL).orElseThrow();

        assertThat(lease).isEqualTo(new Lease(NAME, "a", T.plus(TTL), 1, Optional.empty()));
        assertThat(leases.current(NAME)).contains(lease);
    }

    @Test
    void renewByHolder_extendsExpiry_keepsToken() {
        leases.acquire(NAME, "a", T, TTL);

        Lease renewed = leases.acquire(NAME, "a", T.plusSeconds(10), TTL).orElseThrow();

        assertThat(renewed.expiresAt()).isEqualTo(T.plusSeconds(10).plus(TTL));
        assertThat(renewed.fencingToken()).isEqualTo(1);
    }

    @Test
    void otherNode_beforeExpiry_getsNothing_afterExpiry_takesItWithHigherToken() {
        leases.acquire(NAME, "a", T, TTL);

        assertThat(leases.acquire(NAME, "b", T.plus(TTL).minusSeconds(1), TTL)).isEmpty();
        Lease taken = leases.acquire(NAME, "b", T.plus(TTL), TTL).orElseThrow();

        assertThat(taken.holder()).isEqualTo("b");
        assertThat(taken.fencingToken()).isEqualTo(2);
        assertThat(taken.takenFrom()).contains("a");
        assertThat(leases.acquire(NAME, "a", T.plus(TTL).plusSeconds(1), TTL)).as("the old holder is fenced off").isEmpty();
    }

    @Test
    void holderComingBackAfterExpiry_startsANewTerm() {
        leases.acquire(NAME, "a", T, TTL);

        Lease again = leases.acquire(NAME, "a", T.plus(TTL).plusSeconds(5), TTL).orElseThrow();

        assertThat(again.fencingToken()).isEqualTo(2);
        assertThat(again.takenFrom()).contains("a");
    }

    @Test
    void seize_takesAHeldLease_andRelease_freesIt() {
        leases.acquire(NAME, "a", T, TTL);

        Lease seized = leases.seize(NAME, "b", T.plusSeconds(1), TTL);
        assertThat(seized.holder()).isEqualTo("b");
        assertThat(seized.fencingToken()).isEqualTo(2);

        assertThat(leases.release(NAME, "a", T.plusSeconds(2))).as("a no longer holds it").isFalse();
        assertThat(leases.release(NAME, "b", T.plusSeconds(2))).isTrue();
        assertThat(leases.acquire(NAME, "c", T.plusSeconds(2), TTL).orElseThrow().fencingToken()).isEqualTo(3);
    }

    @Test
    void manyNodesRacingForAnExpiredLease_exactlyOneWinsEachTerm() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            for (int round = 0; round < 5; round++) {
                Instant now = T.plus(TTL.multipliedBy(round + 1L)).plusSeconds(round);
                List<Future<Optional<Lease>>> tries = new ArrayList<>();
                for (int n = 0; n < 6; n++) {
                    String node = "node-" + round + "-" + n;
                    tries.add(pool.submit(() -> leases.acquire(NAME, node, now, TTL)));
                }
                int winners = 0;
                for (Future<Optional<Lease>> f : tries) {
                    winners += f.get().isPresent() ? 1 : 0;
                }
                assertThat(winners).as("round %d", round).isEqualTo(1);
                assertThat(leases.current(NAME).orElseThrow().fencingToken()).isEqualTo(round + 1L);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void nodes_register_heartbeat_andKeepTheirStandbyFlagAcrossRestarts() {
        ClusterNodes nodes = store.clusterNodes();
        nodes.register(new ClusterNode("a:8443", "a", 8443, 8080, "1.0", T, T, false));
        nodes.setStandby("a:8443", true);
        nodes.heartbeat("a:8443", T.plusSeconds(5));
        nodes.register(new ClusterNode("a:8443", "a", 8443, 8080, "1.1", T.plusSeconds(9), T.plusSeconds(9), false));

        ClusterNode a = nodes.find("a:8443").orElseThrow();
        assertThat(a.version()).isEqualTo("1.1");
        assertThat(a.heartbeatAt()).isEqualTo(T.plusSeconds(9));
        assertThat(a.standby()).isTrue();
        assertThat(nodes.all()).containsExactly(a);
        assertThatThrownBy(() -> nodes.setStandby("nobody", true)).isInstanceOfSatisfying(BrevetException.class,
                e -> assertThat(e.kind()).isEqualTo(ErrorKind.NOT_FOUND));
    }

    @Test
    void crlRequests_areQueued_thenCompletedWithTheCrlNumber() {
        CrlUpdateRequests requests = store.crlUpdateRequests();
        long first = requests.request("MasterCRL", "agent1", T);
        long second = requests.request("MasterCRL", "agent2", T);

        assertThat(requests.pending("MasterCRL")).containsExactly(first, second);
        assertThat(requests.result(first)).isEmpty();
        requests.complete(List.of(first, second), BigInteger.valueOf(7), T.plusSeconds(1));

        assertThat(requests.pending("MasterCRL")).isEmpty();
        assertThat(requests.result(second)).contains(BigInteger.valueOf(7));
    }
}
