package org.brevet.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.brevet.ca.api.CertificateQuery;
import org.brevet.ca.api.CertificateRecord;
import org.brevet.ca.api.CertificateRequest;
import org.brevet.ca.api.CertificateStatus;
import org.brevet.ca.api.Page;
import org.brevet.ca.api.PageRequest;
import org.brevet.ca.api.ProfileRecord;
import org.brevet.ca.api.RequestId;
import org.brevet.ca.api.RequestQuery;
import org.brevet.ca.api.RequestStatus;
import org.brevet.ca.api.Role;
import org.brevet.ca.api.User;
import org.brevet.ca.api.store.Repositories;
import org.brevet.pki.BrevetException;
import org.brevet.pki.Der;
import org.brevet.pki.ErrorKind;
import org.brevet.pki.SerialNumber;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract every store implementation keeps, run against each database by a subclass that provides
 * a fresh, empty database per test.
 */
abstract class StoreContract {
    private static final Instant NOW = Records.T0.plus(Duration.ofDays(30));

    private JdbcStore store;
    private Repositories repos;

    /** Settings of a new, empty database. */
    abstract DatabaseConfig freshDatabase();

    /** Runs SQL directly on the database of the current test (rows no repository writes yet). */
    abstract void execute(DatabaseConfig database, String sql);

    private DatabaseConfig config;

    @BeforeEach
    void openStore() {
        config = freshDatabase();
        store = JdbcStore.open(config);
        repos = store.repositories();
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    // ---- requests

    @Test
    void request_insertThenFind_returnsEveryField() {
        CertificateRequest full = new CertificateRequest(Records.requestId(), "caUserCert", RequestStatus.REJECTED,
                Records.bytes(512), "CN=Ünïcode Üser,O=Example", Optional.of("alice"), Records.T0,
                Records.T0.plusMillis(1500), Optional.of(Records.serial()), Optional.of("agent1"),
                Optional.of("key too small"));
        CertificateRequest minimal = Records.pending(Records.requestId());

        repos.requests().insert(full);
        repos.requests().insert(minimal);

        assertThat(repos.requests().find(full.id())).contains(full);
        assertThat(repos.requests().find(minimal.id())).contains(minimal);
    }

    @Test
    void request_unknownId_isEmpty() {
        assertThat(repos.requests().find(Records.requestId())).isEmpty();
    }

    @Test
    void request_duplicateId_isConflict() {
        CertificateRequest request = Records.pending(Records.requestId());
        repos.requests().insert(request);

        assertThatThrownBy(() -> repos.requests().insert(Records.pending(request.id(), "CN=other", Records.T0)))
                .isInstanceOfSatisfying(BrevetException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.CONFLICT);
                    assertThat(e.detail()).isEqualTo("request " + request.id() + " already exists");
                });
        assertThat(repos.requests().find(request.id())).contains(request);
    }

    @Test
    void transition_fromExpectedStatus_replacesTheRequest() {
        CertificateRequest request = Records.pending(Records.requestId());
        repos.requests().insert(request);
        CertificateRequest rejected = request.closed(RequestStatus.REJECTED, "agent1", Optional.of("no"),
                Records.T0.plusSeconds(60));

        assertThat(repos.requests().transition(RequestStatus.PENDING, rejected)).isTrue();
        assertThat(repos.requests().find(request.id())).contains(rejected);
    }

    @Test
    void transition_afterStatusChanged_losesAndKeepsTheWinner() {
        CertificateRequest request = Records.pending(Records.requestId());
        repos.requests().insert(request);
        CertificateRequest canceled = request.closed(RequestStatus.CANCELED, "agent1", Optional.empty(),
                Records.T0.plusSeconds(1));
        CertificateRequest rejected = request.closed(RequestStatus.REJECTED, "agent2", Optional.of("late"),
                Records.T0.plusSeconds(2));

        assertThat(repos.requests().transition(RequestStatus.PENDING, canceled)).isTrue();
        assertThat(repos.requests().transition(RequestStatus.PENDING, rejected)).isFalse();
        assertThat(repos.requests().find(request.id())).contains(canceled);
    }

    @Test
    void requestList_isNewestFirst_pagedWithHasMore_andFilteredByStatus() {
        for (int i = 0; i < 5; i++) {
            CertificateRequest r = Records.pending(Records.requestId(), "CN=r" + i, Records.T0.plusSeconds(i));
            repos.requests().insert(r);
            if (i % 2 == 1) {
                repos.requests().transition(RequestStatus.PENDING,
                        r.closed(RequestStatus.CANCELED, "agent", Optional.empty(), Records.T0.plusSeconds(100)));
            }
        }

        Page<CertificateRequest> first = repos.requests().list(new RequestQuery(Optional.empty(), new PageRequest(0, 2)));
        Page<CertificateRequest> last = repos.requests().list(new RequestQuery(Optional.empty(), new PageRequest(4, 2)));
        Page<CertificateRequest> pending =
                repos.requests().list(new RequestQuery(Optional.of(RequestStatus.PENDING), new PageRequest(0, 3)));

        assertThat(first.items()).extracting(CertificateRequest::requestedSubject).containsExactly("CN=r4", "CN=r3");
        assertThat(first.hasMore()).isTrue();
        assertThat(last.items()).extracting(CertificateRequest::requestedSubject).containsExactly("CN=r0");
        assertThat(last.hasMore()).isFalse();
        assertThat(pending.items()).extracting(CertificateRequest::requestedSubject)
                .containsExactly("CN=r4", "CN=r2", "CN=r0");
        assertThat(pending.hasMore()).isFalse();
    }

    @Test
    void transition_raceOfManyAgents_hasExactlyOneWinner() throws Exception {
        CertificateRequest request = Records.pending(Records.requestId());
        repos.requests().insert(request);
        int agents = 8;
        ExecutorService pool = Executors.newFixedThreadPool(agents);
        try {
            List<Future<Boolean>> outcomes = new ArrayList<>();
            for (int i = 0; i < agents; i++) {
                CertificateRequest mine = request.closed(RequestStatus.REJECTED, "agent" + i, Optional.empty(),
                        Records.T0.plusSeconds(i));
                outcomes.add(pool.submit(() -> repos.requests().transition(RequestStatus.PENDING, mine)));
            }
            int winners = 0;
            for (Future<Boolean> outcome : outcomes) {
                winners += outcome.get(30, TimeUnit.SECONDS) ? 1 : 0;
            }
            assertThat(winners).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void concurrentWrites_withSomeConflicts_eachCallerGetsItsOwnOutcome() throws Exception {
        CertificateRequest taken = Records.pending(Records.requestId());
        repos.requests().insert(taken);
        int writers = 40;
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<CertificateRequest> attempts = new ArrayList<>();
            List<Future<?>> outcomes = new ArrayList<>();
            for (int i = 0; i < writers; i++) {
                CertificateRequest r = i % 4 == 0 ? Records.pending(taken.id(), "CN=dup" + i, Records.T0)
                        : Records.pending(Records.requestId(), "CN=new" + i, Records.T0);
                attempts.add(r);
                outcomes.add(pool.submit(() -> repos.requests().insert(r)));
            }
            for (int i = 0; i < writers; i++) {
                Future<?> outcome = outcomes.get(i);
                if (i % 4 == 0) {
                    assertThatThrownBy(() -> outcome.get(30, TimeUnit.SECONDS))
                            .hasCauseInstanceOf(BrevetException.class)
                            .cause().satisfies(e -> assertThat(((BrevetException) e).kind()).isEqualTo(ErrorKind.CONFLICT));
                } else {
                    outcome.get(30, TimeUnit.SECONDS);
                    assertThat(repos.requests().find(attempts.get(i).id())).contains(attempts.get(i));
                }
            }
            assertThat(repos.requests().find(taken.id())).contains(taken);
        } finally {
            pool.shutdownNow();
        }
    }

    // ---- issuance

    @Test
    void recordIntent_sameSerialTwice_isConflict() {
        SerialNumber serial = Records.serial();
        repos.issuance().recordIntent(serial, Records.requestId(), Records.bytes(400));

        assertThatThrownBy(() -> repos.issuance().recordIntent(serial, Records.requestId(), Records.bytes(400)))
                .isInstanceOfSatisfying(BrevetException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.CONFLICT);
                    assertThat(e.detail()).isEqualTo("serial " + serial + " was already used");
                });
    }

    @Test
    void storeIssuedWithNewRequest_storesBothWithEveryField() {
        RequestId id = Records.requestId();
        SerialNumber serial = Records.serial();
        CertificateRequest complete = Records.pending(id).completed(serial, Optional.of("agent1"), Records.T0.plusSeconds(1));
        CertificateRecord certificate = Records.certificate(serial, id);
        repos.issuance().recordIntent(serial, id, Records.bytes(600));

        repos.issuance().storeIssuedWithNewRequest(certificate, complete);

        assertThat(repos.requests().find(id)).contains(complete);
        assertThat(repos.certificates().find(serial)).contains(certificate);
    }

    @Test
    void storeIssued_movesThePendingRequestToComplete() {
        CertificateRequest request = Records.pending(Records.requestId());
        repos.requests().insert(request);
        SerialNumber serial = Records.serial();
        repos.issuance().recordIntent(serial, request.id(), Records.bytes(600));
        CertificateRequest complete = request.completed(serial, Optional.of("agent1"), Records.T0.plusSeconds(5));
        CertificateRecord certificate = Records.certificate(serial, request.id());

        repos.issuance().storeIssued(certificate, RequestStatus.PENDING, complete);

        assertThat(repos.requests().find(request.id())).contains(complete);
        assertThat(repos.certificates().find(serial)).contains(certificate);
    }

    @Test
    void storeIssued_whenRequestNoLongerPending_isConflictAndStoresNothing() {
        CertificateRequest request = Records.pending(Records.requestId());
        repos.requests().insert(request);
        CertificateRequest canceled = request.closed(RequestStatus.CANCELED, "agent2", Optional.empty(), Records.T0);
        repos.requests().transition(RequestStatus.PENDING, canceled);
        SerialNumber serial = Records.serial();
        repos.issuance().recordIntent(serial, request.id(), Records.bytes(600));

        assertThatThrownBy(() -> repos.issuance().storeIssued(Records.certificate(serial, request.id()),
                RequestStatus.PENDING, request.completed(serial, Optional.of("agent1"), Records.T0)))
                .isInstanceOfSatisfying(BrevetException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.CONFLICT);
                    assertThat(e.detail()).isEqualTo("request " + request.id() + " is no longer pending");
                });
        assertThat(repos.certificates().find(serial)).isEmpty();
        assertThat(repos.requests().find(request.id())).contains(canceled);
    }

    @Test
    void storeIssued_withoutRecordedIntent_isConflictAndStoresNothing() {
        RequestId id = Records.requestId();
        SerialNumber serial = Records.serial();
        CertificateRequest complete = Records.pending(id).completed(serial, Optional.empty(), Records.T0);

        assertThatThrownBy(() -> repos.issuance().storeIssuedWithNewRequest(Records.certificate(serial, id), complete))
                .isInstanceOfSatisfying(BrevetException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.CONFLICT);
                    assertThat(e.detail()).contains("no intent was recorded for serial " + serial);
                });
        assertThat(repos.requests().find(id)).isEmpty();
        assertThat(repos.certificates().find(serial)).isEmpty();
    }

    @Test
    void storeIssuedWithNewRequest_existingRequestId_isConflictAndStoresNoCertificate() {
        CertificateRequest existing = Records.pending(Records.requestId());
        repos.requests().insert(existing);
        SerialNumber serial = Records.serial();
        repos.issuance().recordIntent(serial, existing.id(), Records.bytes(600));

        assertThatThrownBy(() -> repos.issuance().storeIssuedWithNewRequest(Records.certificate(serial, existing.id()),
                existing.completed(serial, Optional.empty(), Records.T0)))
                .isInstanceOfSatisfying(BrevetException.class,
                        e -> assertThat(e.kind()).isEqualTo(ErrorKind.CONFLICT));
        assertThat(repos.certificates().find(serial)).isEmpty();
        assertThat(repos.requests().find(existing.id())).contains(existing);
    }

    @Test
    void storeIssuedWithNewRequest_serialAlreadyStored_isConflictAndStoresNoRequest() {
        CertificateRecord first = issue("CN=first", Records.T0.plus(Duration.ofDays(90)));
        RequestId second = Records.requestId();

        assertThatThrownBy(() -> repos.issuance().storeIssuedWithNewRequest(
                Records.certificate(first.serial(), second),
                Records.pending(second).completed(first.serial(), Optional.empty(), Records.T0)))
                .isInstanceOfSatisfying(BrevetException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.CONFLICT);
                    assertThat(e.detail()).isEqualTo("certificate " + first.serial() + " is already stored");
                });
        assertThat(repos.requests().find(second)).isEmpty();
        assertThat(repos.certificates().find(first.serial())).contains(first);
    }

    // ---- certificates

    @Test
    void certificateFind_unknownSerial_isEmpty() {
        assertThat(repos.certificates().find(Records.serial())).isEmpty();
    }

    @Test
    void search_bySubjectSubstring_ignoresCaseAndTreatsWildcardsLiterally() {
        CertificateRecord web = issue("CN=Web.Example.COM,O=Example", NOW.plus(Duration.ofDays(10)));
        issue("CN=mail.example.org,O=Example", NOW.plus(Duration.ofDays(20)));
        CertificateRecord percent = issue("CN=100% sure_thing", NOW.plus(Duration.ofDays(30)));

        assertThat(serials(search(Optional.of("example.com"), Optional.empty(), Optional.empty(), 0, 10)))
                .containsExactly(web.serial());
        assertThat(serials(search(Optional.of("0% SURE_"), Optional.empty(), Optional.empty(), 0, 10)))
                .containsExactly(percent.serial());
        assertThat(serials(search(Optional.of("%"), Optional.empty(), Optional.empty(), 0, 10)))
                .containsExactly(percent.serial());
        assertThat(serials(search(Optional.of("o=example"), Optional.empty(), Optional.empty(), 0, 10))).hasSize(2);
    }

    @Test
    void search_byStatus_decidesValidExpiredRevokedAtTheGivenInstant() {
        CertificateRecord valid = issue("CN=valid", NOW.plusSeconds(1));
        CertificateRecord expiresExactlyNow = issue("CN=edge", NOW);
        CertificateRecord expired = issue("CN=expired", NOW.minusSeconds(1));
        CertificateRecord revoked = issue("CN=revoked", NOW.plus(Duration.ofDays(1)));
        CertificateRecord revokedAndExpired = issue("CN=revoked-expired", NOW.minus(Duration.ofDays(1)));
        revoke(revoked);
        revoke(revokedAndExpired);

        assertThat(serials(search(Optional.empty(), Optional.of(CertificateStatus.VALID), Optional.empty(), 0, 10)))
                .containsExactlyInAnyOrder(valid.serial(), expiresExactlyNow.serial());
        assertThat(serials(search(Optional.empty(), Optional.of(CertificateStatus.EXPIRED), Optional.empty(), 0, 10)))
                .containsExactly(expired.serial());
        assertThat(serials(search(Optional.empty(), Optional.of(CertificateStatus.REVOKED), Optional.empty(), 0, 10)))
                .containsExactly(revokedAndExpired.serial(), revoked.serial());
        // the search agrees with the record's own notion of status
        for (CertificateRecord r : search(Optional.empty(), Optional.empty(), Optional.empty(), 0, 10).items()) {
            CertificateStatus status = r.statusAt(NOW);
            assertThat(serials(search(Optional.empty(), Optional.of(status), Optional.empty(), 0, 10)))
                    .contains(r.serial());
        }
    }

    @Test
    void certificateFind_revoked_carriesTheRevocationTime() {
        CertificateRecord certificate = issue("CN=revoked", NOW.plus(Duration.ofDays(1)));
        revoke(certificate);

        assertThat(repos.certificates().find(certificate.serial()).orElseThrow().revokedAt())
                .contains(Instant.parse("2026-12-01T00:00:00Z"));
    }

    @Test
    void search_expiresBefore_isStrictlyBefore() {
        CertificateRecord early = issue("CN=early", NOW.plus(Duration.ofDays(1)));
        issue("CN=boundary", NOW.plus(Duration.ofDays(2)));
        issue("CN=late", NOW.plus(Duration.ofDays(3)));

        assertThat(serials(search(Optional.empty(), Optional.empty(),
                Optional.of(NOW.plus(Duration.ofDays(2))), 0, 10))).containsExactly(early.serial());
    }

    @Test
    void search_pagesInNotAfterOrder_withHasMore_andCombinesFilters() {
        CertificateRecord[] issued = new CertificateRecord[5];
        for (int i = 0; i < 5; i++) {
            issued[i] = issue("CN=host" + i + ".example.com", NOW.plus(Duration.ofDays(5 - i)));
        }
        issue("CN=other.example.net", NOW.plus(Duration.ofDays(1)));

        Page<CertificateRecord> first = search(Optional.of(".example.COM"), Optional.of(CertificateStatus.VALID),
                Optional.empty(), 0, 2);
        Page<CertificateRecord> second = search(Optional.of(".example.COM"), Optional.of(CertificateStatus.VALID),
                Optional.empty(), 2, 2);
        Page<CertificateRecord> third = search(Optional.of(".example.COM"), Optional.of(CertificateStatus.VALID),
                Optional.empty(), 4, 2);

        assertThat(serials(first)).containsExactly(issued[4].serial(), issued[3].serial());
        assertThat(first.hasMore()).isTrue();
        assertThat(serials(second)).containsExactly(issued[2].serial(), issued[1].serial());
        assertThat(second.hasMore()).isTrue();
        assertThat(serials(third)).containsExactly(issued[0].serial());
        assertThat(third.hasMore()).isFalse();
        assertThat(third.start()).isEqualTo(4);
        assertThat(third.size()).isEqualTo(2);
    }

    // ---- profiles

    @Test
    void profiles_insertFindListUpdate_roundTrip() {
        ProfileRecord server = new ProfileRecord("caServerCert", true, "id: caServerCert\nname: Server\n",
                Records.T0, Optional.empty());
        ProfileRecord user = new ProfileRecord("caUserCert", false, "id: caUserCert\n", Records.T0, Optional.of("admin"));
        repos.profiles().insert(user);
        repos.profiles().insert(server);
        ProfileRecord modified = new ProfileRecord("caServerCert", false, "id: caServerCert\nname: Changed\n",
                Records.T0.plusSeconds(9), Optional.of("admin"));

        repos.profiles().update(modified);

        assertThat(repos.profiles().find("caServerCert")).contains(modified);
        assertThat(repos.profiles().find("nope")).isEmpty();
        assertThat(repos.profiles().list()).containsExactly(modified, user);
    }

    @Test
    void profiles_duplicateInsert_isConflict_andUpdateOfUnknown_isNotFound() {
        ProfileRecord profile = new ProfileRecord("caServerCert", true, "x", Records.T0, Optional.empty());
        repos.profiles().insert(profile);

        assertThatThrownBy(() -> repos.profiles().insert(profile))
                .isInstanceOfSatisfying(BrevetException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.CONFLICT);
                    assertThat(e.detail()).isEqualTo("profile 'caServerCert' already exists");
                });
        assertThatThrownBy(() -> repos.profiles().update(new ProfileRecord("missing", true, "x", Records.T0,
                Optional.empty())))
                .isInstanceOfSatisfying(BrevetException.class,
                        e -> assertThat(e.kind()).isEqualTo(ErrorKind.NOT_FOUND));
    }

    // ---- users

    @Test
    void users_insertThenFind_returnsRolesAndCertificatesInOrder() {
        Der first = Records.bytes(700);
        Der second = Records.bytes(701);
        User admin = new User("admin", "CA Administrator", Set.of(Role.ADMINISTRATOR, Role.AGENT), List.of(first));
        User auditor = new User("auditor", "Audit Person", Set.of(), List.of());
        repos.users().insert(admin);
        repos.users().insert(auditor);

        repos.users().addCertificate("admin", second);

        User expected = new User("admin", "CA Administrator", Set.of(Role.ADMINISTRATOR, Role.AGENT),
                List.of(first, second));
        assertThat(repos.users().find("admin")).contains(expected);
        assertThat(repos.users().find("auditor")).contains(auditor);
        assertThat(repos.users().find("nobody")).isEmpty();
        assertThat(repos.users().list()).containsExactly(expected, auditor);
    }

    @Test
    void users_duplicateId_isConflict() {
        repos.users().insert(new User("alice", "Alice", Set.of(Role.AGENT), List.of()));

        assertThatThrownBy(() -> repos.users().insert(new User("alice", "Other", Set.of(), List.of())))
                .isInstanceOfSatisfying(BrevetException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.CONFLICT);
                    assertThat(e.detail()).isEqualTo("user 'alice' already exists");
                });
        assertThat(repos.users().find("alice").orElseThrow().fullName()).isEqualTo("Alice");
    }

    @Test
    void users_update_replacesNameAndRoles_andUnknownIsNotFound() {
        Der certificate = Records.bytes(700);
        repos.users().insert(new User("alice", "Alice", Set.of(Role.AGENT, Role.AUDITOR), List.of(certificate)));

        repos.users().update(new User("alice", "Alice Smith", Set.of(Role.ADMINISTRATOR), List.of()));

        assertThat(repos.users().find("alice")).contains(
                new User("alice", "Alice Smith", Set.of(Role.ADMINISTRATOR), List.of(certificate)));
        assertThatThrownBy(() -> repos.users().update(new User("bob", "Bob", Set.of(), List.of())))
                .isInstanceOfSatisfying(BrevetException.class,
                        e -> assertThat(e.kind()).isEqualTo(ErrorKind.NOT_FOUND));
    }

    @Test
    void addCertificate_alreadyMapped_isConflict_andUnknownUser_isNotFound() {
        Der certificate = Records.bytes(700);
        repos.users().insert(new User("alice", "Alice", Set.of(), List.of(certificate)));
        repos.users().insert(new User("bob", "Bob", Set.of(), List.of()));

        assertThatThrownBy(() -> repos.users().addCertificate("bob", certificate))
                .isInstanceOfSatisfying(BrevetException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.CONFLICT);
                    assertThat(e.detail()).isEqualTo("this certificate is already mapped to a user");
                });
        assertThatThrownBy(() -> repos.users().addCertificate("carol", Records.bytes(700)))
                .isInstanceOfSatisfying(BrevetException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.NOT_FOUND);
                    assertThat(e.detail()).isEqualTo("no user 'carol'");
                });
        assertThat(repos.users().find("bob").orElseThrow().certificates()).isEmpty();
    }

    @Test
    void findByCertificate_matchesExactBytesOnly() {
        byte[] bytes = Records.bytes(700).bytes();
        Der certificate = Der.of(bytes);
        User alice = new User("alice", "Alice", Set.of(Role.AGENT), List.of(certificate));
        repos.users().insert(alice);
        bytes[bytes.length - 1] ^= 1;

        assertThat(repos.users().findByCertificate(Der.of(certificate.bytes()))).contains(alice);
        assertThat(repos.users().findByCertificate(Der.of(bytes))).isEmpty();
        assertThat(repos.users().findByCertificate(Records.bytes(10))).isEmpty();
    }

    // ---- store

    @Test
    void health_whenDatabaseAnswers_passes() {
        repos.health().check();
    }

    @Test
    void reopen_keepsEverything_andMigratesNothingTwice() {
        CertificateRecord certificate = issue("CN=kept", NOW);
        store.close();

        store = JdbcStore.open(config);
        repos = store.repositories();

        assertThat(repos.certificates().find(certificate.serial())).contains(certificate);
    }

    @Test
    void afterClose_readsAndWritesAreUnavailable() {
        store.close();

        assertThatThrownBy(() -> repos.requests().insert(Records.pending(Records.requestId())))
                .isInstanceOfSatisfying(BrevetException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.UNAVAILABLE);
                    assertThat(e.detail()).isEqualTo("database unavailable: the store is closed");
                });
        assertThatThrownBy(() -> repos.health().check())
                .isInstanceOfSatisfying(BrevetException.class,
                        e -> assertThat(e.kind()).isEqualTo(ErrorKind.UNAVAILABLE));
    }

    // ---- helpers

    private CertificateRecord issue(String subject, Instant notAfter) {
        RequestId id = Records.requestId();
        SerialNumber serial = Records.serial();
        CertificateRecord certificate = Records.certificate(serial, id, subject, notAfter);
        repos.issuance().recordIntent(serial, id, Records.bytes(600));
        repos.issuance().storeIssuedWithNewRequest(certificate,
                Records.pending(id, subject, Records.T0).completed(serial, Optional.empty(), Records.T0));
        return certificate;
    }

    private void revoke(CertificateRecord certificate) {
        execute(config, "INSERT INTO certificate_status (serial, revoked_at, reason, revoked_by) VALUES ('"
                + certificate.serial().toHex() + "', TIMESTAMP WITH TIME ZONE '2026-12-01 00:00:00+00', "
                + "'keyCompromise', 'agent1')");
    }

    private Page<CertificateRecord> search(Optional<String> subject, Optional<CertificateStatus> status,
            Optional<Instant> expiresBefore, int start, int size) {
        return repos.certificates().search(
                new CertificateQuery(subject, status, expiresBefore, NOW, new PageRequest(start, size)));
    }

    private static List<SerialNumber> serials(Page<CertificateRecord> page) {
        return page.items().stream().map(CertificateRecord::serial).toList();
    }
}
