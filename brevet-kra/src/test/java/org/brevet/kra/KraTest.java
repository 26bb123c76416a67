package org.brevet.kra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.brevet.kra.KraFixture.ALICE;
import static org.brevet.kra.KraFixture.BOB;
import static org.brevet.kra.KraFixture.CAROL;
import static org.brevet.kra.KraFixture.NOBODY;
import static org.brevet.kra.KraFixture.RANDOM;

import java.nio.file.Path;
import java.security.KeyPair;
import java.util.Optional;
import org.brevet.ca.api.ArchivedKey;
import org.brevet.ca.api.ArchivedKeyId;
import org.brevet.ca.api.AuditEvent;
import org.brevet.ca.api.KeyArchivalRequest;
import org.brevet.ca.api.RecoveryRequest;
import org.brevet.ca.api.RequestId;
import org.brevet.pki.BrevetException;
import org.brevet.pki.Certificate;
import org.brevet.pki.Der;
import org.brevet.pki.ErrorKind;
import org.brevet.pki.KeySpec;
import org.brevet.pki.Pkcs12Store;
import org.brevet.pki.PublicKeys;
import org.brevet.pki.Secret;
import org.brevet.protocol.crmf.ArchiveOptions;
import org.brevet.protocol.crmf.KeyWrapAlgorithm;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KraTest {
    @TempDir
    Path dir;
    KraFixture f;

    @AfterEach
    void close() {
        if (f != null) {
            f.close();
        }
    }

    private KraFixture kra(int approvals) {
        f = new KraFixture(dir, approvals);
        return f;
    }

    private KeyArchivalRequest archival(RequestId id, KeyPair user, KeyWrapAlgorithm alg) {
        Der options = ArchiveOptions.wrap(user.getPrivate(), f.keys.transport().certificate().publicKey(), alg, RANDOM).toDer();
        return new KeyArchivalRequest(id, options, PublicKeys.toDer(user.getPublic()), "CN=Alice,O=Example");
    }

    private static BrevetException failure(Runnable action) {
        try {
            action.run();
        } catch (BrevetException e) {
            return e;
        }
        throw new AssertionError("no BrevetException");
    }

    @Test
    void archive_rsaAndEcKeys_storedWrappedUnderTheStorageKeyAndAudited() {
        kra(1);
        for (KeySpec spec : new KeySpec[] {KeySpec.RSA_2048, KeySpec.EC_P256}) {
            KeyPair user = spec.generate(RANDOM);
            RequestId requestId = RequestId.random(RANDOM);

            ArchivedKeyId id = f.kra.archive().archive(archival(requestId, user, KeyWrapAlgorithm.AES_128_KEY_WRAP_PAD));

            ArchivedKey stored = f.store.keys().find(id).orElseThrow();
            assertThat(stored.requestId()).isEqualTo(requestId);
            assertThat(stored.algorithm()).isEqualTo(spec.algorithm().name());
            assertThat(stored.publicKey()).isEqualTo(PublicKeys.toDer(user.getPublic()));
            Der envelope = f.store.keys().wrappedPrivateKey(id).orElseThrow();
            assertThat(new StorageUnit(f.keys.storage(), RANDOM).unwrap(envelope).getEncoded())
                    .isEqualTo(user.getPrivate().getEncoded());
            assertThat(envelope.toHex()).doesNotContain(Der.of(user.getPrivate().getEncoded()).toHex().substring(60, 120));
        }
        assertThat(f.auditNames()).containsExactly(
                "SECURITY_DATA_ARCHIVAL_REQUEST", "SECURITY_DATA_ARCHIVAL_REQUEST_PROCESSED",
                "SECURITY_DATA_ARCHIVAL_REQUEST", "SECURITY_DATA_ARCHIVAL_REQUEST_PROCESSED");
    }

    @Test
    void archive_wrappedToAnotherTransportKey_isBadPopAndStoresNothing() {
        kra(1);
        KeyPair user = KeySpec.EC_P256.generate(RANDOM);
        KeyPair otherTransport = KeySpec.RSA_2048.generate(RANDOM);
        Der options = ArchiveOptions.wrap(user.getPrivate(), otherTransport.getPublic(), KeyWrapAlgorithm.AES_128_CBC_PAD,
                RANDOM).toDer();
        KeyArchivalRequest request = new KeyArchivalRequest(RequestId.random(RANDOM), options,
                PublicKeys.toDer(user.getPublic()), "CN=Alice");

        BrevetException e = failure(() -> f.kra.archive().archive(request));

        assertThat(e.kind()).isEqualTo(ErrorKind.BAD_POP);
        assertThat(f.store.keys().search(Optional.empty(), 10)).isEmpty();
        assertThat(f.store.keys().findByRequest(request.requestId())).isEmpty();
        assertThat(f.audit.get(1).outcome()).isEqualTo(AuditEvent.Outcome.FAILURE);
        assertThat(f.audit.get(1).fields()).containsKey("FailureReason");
    }

    @Test
    void archive_privateKeyNotMatchingTheRequestedPublicKey_isBadPopAndStoresNothing() {
        kra(1);
        KeyPair user = KeySpec.RSA_2048.generate(RANDOM);
        KeyPair other = KeySpec.RSA_2048.generate(RANDOM);
        Der options = ArchiveOptions.wrap(other.getPrivate(), f.keys.transport().certificate().publicKey(),
                KeyWrapAlgorithm.AES_128_KEY_WRAP_PAD, RANDOM).toDer();

        BrevetException e = failure(() -> f.kra.archive().archive(new KeyArchivalRequest(RequestId.random(RANDOM), options,
                PublicKeys.toDer(user.getPublic()), "CN=Alice")));

        assertThat(e.kind()).isEqualTo(ErrorKind.BAD_POP);
        assertThat(e.detail()).contains("does not match");
        assertThat(f.store.keys().search(Optional.empty(), 10)).isEmpty();
    }

    @Test
    void recoveryByKeyId_approvedAndRetrievedByTheRequester_givesAPkcs12WithKeyAndCertificate() {
        kra(1);
        KeyPair user = KeySpec.RSA_2048.generate(RANDOM);
        RequestId requestId = RequestId.random(RANDOM);
        ArchivedKeyId keyId = f.kra.archive().archive(archival(requestId, user, KeyWrapAlgorithm.AES_128_CBC_PAD));
        Certificate cert = f.issued(requestId, "CN=Alice,O=Example", user);

        RecoveryRequest asked = f.kra.recovery().requestRecovery(ALICE, keyId);
        RecoveryRequest approved = f.kra.recovery().approve(ALICE, asked.id());
        Der p12 = f.kra.recovery().retrieve(ALICE, asked.id(), Secret.of("correct horse"));

        assertThat(asked.status()).isEqualTo(RecoveryRequest.Status.PENDING);
        assertThat(approved.status()).isEqualTo(RecoveryRequest.Status.APPROVED);
        assertThat(approved.approvers()).containsExactly("alice");
        Pkcs12Store.KeyEntry entry = Pkcs12Store.decode(p12.bytes(), Secret.of("correct horse"), "recovered").entries().values()
                .stream().filter(Pkcs12Store.KeyEntry.class::isInstance).map(Pkcs12Store.KeyEntry.class::cast).findFirst().orElseThrow();
        assertThat(entry.privateKey().getEncoded()).isEqualTo(user.getPrivate().getEncoded());
        assertThat(entry.certificate()).isEqualTo(cert);
        assertThat(f.store.keyRecoveries().find(asked.id()).orElseThrow().status()).isEqualTo(RecoveryRequest.Status.COMPLETE);
        assertThat(f.auditNames()).contains("SECURITY_DATA_RECOVERY_REQUEST", "KEY_RECOVERY_AGENT_LOGIN",
                "SECURITY_DATA_RECOVERY_REQUEST_STATE_CHANGE", "SECURITY_DATA_RECOVERY_REQUEST_PROCESSED");
        assertThat(f.audit.toString()).doesNotContain("correct horse");
    }

    @Test
    void recoveryByCertificateSerial_findsTheKeyThroughTheRequest() {
        kra(1);
        KeyPair user = KeySpec.EC_P256.generate(RANDOM);
        RequestId requestId = RequestId.random(RANDOM);
        ArchivedKeyId keyId = f.kra.archive().archive(archival(requestId, user, KeyWrapAlgorithm.AES_128_KEY_WRAP_PAD));
        Certificate cert = f.issued(requestId, "CN=Alice", user);

        RecoveryRequest asked = f.kra.recovery().requestRecovery(BOB, cert.serial());

        assertThat(asked.keyId()).isEqualTo(keyId);
        assertThat(asked.requester()).isEqualTo("bob");
    }

    @Test
    void retrieve_byAnAgentWhoDidNotAsk_isUnauthorizedAndLeavesTheRequestApproved() {
        kra(1);
        RecoveryRequest asked = approvedRequest(ALICE);

        BrevetException e = failure(() -> f.kra.recovery().retrieve(BOB, asked.id(), Secret.of("pw")));

        assertThat(e.kind()).isEqualTo(ErrorKind.UNAUTHORIZED);
        assertThat(f.store.keyRecoveries().find(asked.id()).orElseThrow().status()).isEqualTo(RecoveryRequest.Status.APPROVED);
    }

    @Test
    void retrieve_withTooFewApprovals_isConflict_untilASecondAgentApproves() {
        kra(2);
        RecoveryRequest asked = requested(ALICE);
        f.kra.recovery().approve(ALICE, asked.id());

        BrevetException e = failure(() -> f.kra.recovery().retrieve(ALICE, asked.id(), Secret.of("pw")));

        assertThat(e.kind()).isEqualTo(ErrorKind.CONFLICT);
        assertThat(e.detail()).contains("1 of the 2 approvals");
        assertThat(f.kra.recovery().approve(CAROL, asked.id()).status()).isEqualTo(RecoveryRequest.Status.APPROVED);
        assertThat(f.kra.recovery().retrieve(ALICE, asked.id(), Secret.of("pw")).length()).isPositive();
    }

    @Test
    void approve_twiceBySameAgent_isConflictAndCountsOnce() {
        kra(2);
        RecoveryRequest asked = requested(ALICE);
        f.kra.recovery().approve(BOB, asked.id());

        BrevetException e = failure(() -> f.kra.recovery().approve(BOB, asked.id()));

        assertThat(e.kind()).isEqualTo(ErrorKind.CONFLICT);
        RecoveryRequest stored = f.store.keyRecoveries().find(asked.id()).orElseThrow();
        assertThat(stored.approvers()).containsExactly("bob");
        assertThat(stored.status()).isEqualTo(RecoveryRequest.Status.PENDING);
    }

    @Test
    void retrieve_twice_isConflict() {
        kra(1);
        RecoveryRequest asked = approvedRequest(ALICE);
        f.kra.recovery().retrieve(ALICE, asked.id(), Secret.of("pw"));

        assertThat(failure(() -> f.kra.recovery().retrieve(ALICE, asked.id(), Secret.of("pw"))).kind())
                .isEqualTo(ErrorKind.CONFLICT);
    }

    @Test
    void recovery_byANonAgent_isUnauthorizedAndAudited() {
        kra(1);
        RecoveryRequest asked = requested(ALICE);

        assertThat(failure(() -> f.kra.recovery().approve(NOBODY, asked.id())).kind()).isEqualTo(ErrorKind.UNAUTHORIZED);
        assertThat(failure(() -> f.kra.recovery().requestRecovery(NOBODY, asked.keyId())).kind())
                .isEqualTo(ErrorKind.UNAUTHORIZED);
        assertThat(f.auditNames()).contains("ROLE_ASSUME");
    }

    @Test
    void requestRecovery_ofAKeyWithoutCertificate_isConflictAndStoresNoRequest() {
        kra(1);
        KeyPair user = KeySpec.EC_P256.generate(RANDOM);
        ArchivedKeyId keyId = f.kra.archive().archive(archival(RequestId.random(RANDOM), user, KeyWrapAlgorithm.AES_128_KEY_WRAP_PAD));

        assertThat(failure(() -> f.kra.recovery().requestRecovery(ALICE, keyId)).kind()).isEqualTo(ErrorKind.CONFLICT);
        assertThat(f.store.keyRecoveries().search(Optional.empty(), 10)).isEmpty();
    }

    private RecoveryRequest requested(org.brevet.ca.api.Caller agent) {
        KeyPair user = KeySpec.EC_P256.generate(RANDOM);
        RequestId requestId = RequestId.random(RANDOM);
        ArchivedKeyId keyId = f.kra.archive().archive(archival(requestId, user, KeyWrapAlgorithm.AES_128_KEY_WRAP_PAD));
        f.issued(requestId, "CN=Alice", user);
        return f.kra.recovery().requestRecovery(agent, keyId);
    }

    private RecoveryRequest approvedRequest(org.brevet.ca.api.Caller agent) {
        RecoveryRequest asked = requested(agent);
        f.kra.recovery().approve(agent, asked.id());
        return asked;
    }
}
