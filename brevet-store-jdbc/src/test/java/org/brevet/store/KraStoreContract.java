package org.brevet.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.brevet.ca.api.ArchivedKey;
import org.brevet.ca.api.ArchivedKeyId;
import org.brevet.ca.api.KeyRequestId;
import org.brevet.ca.api.RecoveryRequest;
import org.brevet.ca.api.RequestId;
import org.brevet.ca.api.store.KeyRecoveryRepository;
import org.brevet.ca.api.store.KeyRepository;
import org.brevet.pki.BrevetException;
import org.brevet.pki.Der;
import org.brevet.pki.ErrorKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The contract of {@link KeyRepository} and {@link KeyRecoveryRepository}, run on each database by a subclass. */
abstract class KraStoreContract {
    private static final Instant T = Records.T0.truncatedTo(ChronoUnit.SECONDS);

    private JdbcStore store;
    private KeyRepository keys;
    private KeyRecoveryRepository recoveries;
    private long next = 1000;

    abstract DatabaseConfig freshDatabase();

    @BeforeEach
    void openStore() {
        store = JdbcStore.open(freshDatabase());
        keys = store.keys();
        recoveries = store.keyRecoveries();
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    private ArchivedKey key(String owner, Instant at) {
        return new ArchivedKey(new ArchivedKeyId(++next), new RequestId(++next), owner, Der.of(new byte[] {0x30, 1, 2}),
                "EC", 256, ArchivedKey.Status.ACTIVE, at, "$System$");
    }

    private RecoveryRequest recovery(ArchivedKey key, int required) {
        return new RecoveryRequest(new KeyRequestId(++next), key.id(), "alice", RecoveryRequest.Status.PENDING, List.of(),
                required, T, T);
    }

    @Test
    void archivedKey_isFoundByIdRequestAndOwner_withItsEnvelopeApart() {
        ArchivedKey older = key("UID=alice,CN=Alice", T);
        ArchivedKey newer = key("UID=bob,CN=Bob", T.plusSeconds(1));
        keys.insert(older, Der.of(new byte[] {1, 2, 3}));
        keys.insert(newer, Der.of(new byte[] {4}));

        assertThat(keys.find(older.id())).contains(older);
        assertThat(keys.findByRequest(newer.requestId())).contains(newer);
        assertThat(keys.search(Optional.of("ALICE"), 10)).containsExactly(older);
        assertThat(keys.search(Optional.empty(), 10)).containsExactly(newer, older);
        assertThat(keys.search(Optional.empty(), 1)).containsExactly(newer);
        assertThat(keys.wrappedPrivateKey(older.id())).contains(Der.of(new byte[] {1, 2, 3}));
        assertThat(keys.find(new ArchivedKeyId(1))).isEmpty();
    }

    @Test
    void secondKeyForTheSameRequest_isConflict_andTheFirstStays() {
        ArchivedKey first = key("CN=A", T);
        keys.insert(first, Der.of(new byte[] {1}));
        ArchivedKey second = new ArchivedKey(new ArchivedKeyId(++next), first.requestId(), "CN=B", first.publicKey(), "EC",
                256, ArchivedKey.Status.ACTIVE, T, "$System$");

        BrevetException e = catchThrowableOfType(BrevetException.class, () -> keys.insert(second, Der.of(new byte[] {2})));

        assertThat(e.kind()).isEqualTo(ErrorKind.CONFLICT);
        assertThat(keys.search(Optional.empty(), 10)).containsExactly(first);
    }

    @Test
    void kraCertificate_isReplacedByNickname() {
        keys.putCertificate("transportCert", Der.of(new byte[] {1}));
        keys.putCertificate("transportCert", Der.of(new byte[] {2}));

        assertThat(keys.certificate("transportCert")).contains(Der.of(new byte[] {2}));
        assertThat(keys.certificate("storageCert")).isEmpty();
    }

    @Test
    void approvals_byDistinctAgents_moveTheRequestToApproved_andCompleteOnlyOnce() {
        ArchivedKey key = key("CN=A", T);
        keys.insert(key, Der.of(new byte[] {1}));
        RecoveryRequest request = recovery(key, 2);
        recoveries.insert(request);

        RecoveryRequest one = recoveries.approve(request.id(), "alice", T.plusSeconds(1));
        BrevetException twice = catchThrowableOfType(BrevetException.class,
                () -> recoveries.approve(request.id(), "alice", T.plusSeconds(2)));
        assertThat(recoveries.complete(request.id(), T.plusSeconds(2))).isFalse();
        RecoveryRequest two = recoveries.approve(request.id(), "bob", T.plusSeconds(3));
        BrevetException late = catchThrowableOfType(BrevetException.class,
                () -> recoveries.approve(request.id(), "carol", T.plusSeconds(4)));

        assertThat(one.status()).isEqualTo(RecoveryRequest.Status.PENDING);
        assertThat(one.approvers()).containsExactly("alice");
        assertThat(twice.kind()).isEqualTo(ErrorKind.CONFLICT);
        assertThat(two.status()).isEqualTo(RecoveryRequest.Status.APPROVED);
        assertThat(two.approvers()).containsExactly("alice", "bob");
        assertThat(late.kind()).isEqualTo(ErrorKind.CONFLICT);
        assertThat(recoveries.complete(request.id(), T.plusSeconds(5))).isTrue();
        assertThat(recoveries.complete(request.id(), T.plusSeconds(6))).isFalse();
        assertThat(recoveries.find(request.id()).orElseThrow().status()).isEqualTo(RecoveryRequest.Status.COMPLETE);
        assertThat(recoveries.search(Optional.of(RecoveryRequest.Status.COMPLETE), 10)).hasSize(1);
        assertThat(recoveries.search(Optional.of(RecoveryRequest.Status.PENDING), 10)).isEmpty();
    }

    @Test
    void approvingAnUnknownRequest_isNotFound() {
        BrevetException e = catchThrowableOfType(BrevetException.class,
                () -> recoveries.approve(new KeyRequestId(42), "alice", T));

        assertThat(e.kind()).isEqualTo(ErrorKind.NOT_FOUND);
    }
}
