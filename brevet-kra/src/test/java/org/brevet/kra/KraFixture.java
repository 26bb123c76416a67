package org.brevet.kra;

import java.nio.file.Path;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.brevet.ca.api.AuditEvent;
import org.brevet.ca.api.AuditLog;
import org.brevet.ca.api.Caller;
import org.brevet.ca.api.CertificateQuery;
import org.brevet.ca.api.CertificateRecord;
import org.brevet.ca.api.CertificateRequest;
import org.brevet.ca.api.Page;
import org.brevet.ca.api.RequestId;
import org.brevet.ca.api.RequestQuery;
import org.brevet.ca.api.RequestStatus;
import org.brevet.ca.api.Role;
import org.brevet.ca.api.store.CertificateRepository;
import org.brevet.ca.api.store.RequestRepository;
import org.brevet.pki.Certificate;
import org.brevet.pki.CertificateBuilder;
import org.brevet.pki.Der;
import org.brevet.pki.DistinguishedName;
import org.brevet.pki.KeySpec;
import org.brevet.pki.Pkcs12Store;
import org.brevet.pki.SerialNumber;
import org.brevet.pki.Signer;
import org.brevet.store.DatabaseConfig;
import org.brevet.store.JdbcStore;

/**
 * A KRA on a real H2 store with its own test CA, transport and storage keys; the CA's request and certificate
 * repositories are small in-memory fakes (the KRA only reads them).
 */
final class KraFixture implements AutoCloseable {
    static final SecureRandom RANDOM = new SecureRandom();
    static final Caller ALICE = Caller.user("alice", Set.of(Role.AGENT));
    static final Caller BOB = Caller.user("bob", Set.of(Role.AGENT));
    static final Caller CAROL = Caller.user("carol", Set.of(Role.AGENT));
    static final Caller NOBODY = Caller.user("eve", Set.of());

    final Clock clock = Clock.fixed(Instant.parse("2026-11-23T12:00:00Z"), ZoneOffset.UTC);
    final KeyPair caKey = KeySpec.EC_P256.generate(RANDOM);
    final Certificate ca;
    final KraKeys keys;
    final JdbcStore store;
    final List<AuditEvent> audit = new ArrayList<>();
    final Map<RequestId, CertificateRequest> requests = new HashMap<>();
    final Map<SerialNumber, CertificateRecord> certificates = new HashMap<>();
    final Kra kra;

    KraFixture(Path dir, int approvals) {
        ca = new CertificateBuilder().serial(SerialNumber.random(RANDOM)).issuer(DistinguishedName.parse("CN=Test CA"))
                .subject(DistinguishedName.parse("CN=Test CA")).validity(clock.instant(), clock.instant().plus(Duration.ofDays(30)))
                .publicKey(caKey.getPublic()).basicConstraints(true, OptionalInt.empty(), true)
                .build(Signer.of(caKey.getPrivate(), caKey.getPublic()));
        keys = new KraKeys(systemEntry("CN=KRA Transport Certificate"), systemEntry("CN=KRA Storage Certificate"));
        store = JdbcStore.open(DatabaseConfig.h2(dir));
        AuditLog log = audit::add;
        kra = Kra.create(keys, new KraStores(store.keys(), store.keyRecoveries()),
                new IssuedCertificates(new Requests(), new Certificates(), List.of(ca)), log,
                new KraSettings(approvals, clock, RANDOM));
    }

    Pkcs12Store.KeyEntry systemEntry(String subject) {
        KeyPair pair = KeySpec.RSA_2048.generate(RANDOM);
        return new Pkcs12Store.KeyEntry(pair.getPrivate(), List.of(issue(subject, pair), ca));
    }

    Certificate issue(String subject, KeyPair pair) {
        return new CertificateBuilder().serial(SerialNumber.random(RANDOM)).issuer(ca)
                .subject(DistinguishedName.parse(subject)).validity(clock.instant(), clock.instant().plus(Duration.ofDays(10)))
                .publicKey(pair.getPublic()).build(Signer.of(caKey.getPrivate(), caKey.getPublic()));
    }

    /** Records that the CA issued a certificate for the request (what enrollment does after archival). */
    Certificate issued(RequestId requestId, String subject, KeyPair pair) {
        Certificate cert = issue(subject, pair);
        Instant now = clock.instant();
        requests.put(requestId, new CertificateRequest(requestId, "caEncUserCert", RequestStatus.COMPLETE, Der.of(new byte[0]),
                subject, Optional.empty(), now, now, Optional.of(cert.serial()), Optional.empty(), Optional.empty()));
        certificates.put(cert.serial(), new CertificateRecord(cert.serial(), subject, ca.subject().rfc4514(), cert.notBefore(),
                cert.notAfter(), cert.toDer(), requestId, "caEncUserCert", now, Optional.empty()));
        return cert;
    }

    List<String> auditNames() {
        return audit.stream().map(AuditEvent::name).toList();
    }

    @Override
    public void close() {
        store.close();
    }

    private final class Requests implements RequestRepository {
        @Override
        public void insert(CertificateRequest request) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<CertificateRequest> find(RequestId id) {
            return Optional.ofNullable(requests.get(id));
        }

        @Override
        public Page<CertificateRequest> list(RequestQuery query) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean transition(RequestStatus expected, CertificateRequest updated) {
            throw new UnsupportedOperationException();
        }
    }

    private final class Certificates implements CertificateRepository {
        @Override
        public Optional<CertificateRecord> find(SerialNumber serial) {
            return Optional.ofNullable(certificates.get(serial));
        }

        @Override
        public Page<CertificateRecord> search(CertificateQuery query) {
            throw new UnsupportedOperationException();
        }
    }
}
