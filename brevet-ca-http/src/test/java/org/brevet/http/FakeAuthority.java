package org.brevet.http;

import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.brevet.ca.api.AgentReview;
import org.brevet.ca.api.Authentication;
import org.brevet.ca.api.Caller;
import org.brevet.ca.api.CertificateQuery;
import org.brevet.ca.api.CertificateRecord;
import org.brevet.ca.api.CertificateRequest;
import org.brevet.ca.api.CertificateSearch;
import org.brevet.ca.api.Enrollment;
import org.brevet.ca.api.EnrollmentRequest;
import org.brevet.ca.api.EnrollmentResult;
import org.brevet.ca.api.Page;
import org.brevet.ca.api.ProfileAdministration;
import org.brevet.ca.api.ProfileRecord;
import org.brevet.ca.api.ProfileSummary;
import org.brevet.ca.api.RequestId;
import org.brevet.ca.api.RequestQuery;
import org.brevet.ca.api.RequestStatus;
import org.brevet.ca.api.Role;
import org.brevet.ca.api.User;
import org.brevet.ca.api.UserAdministration;
import org.brevet.ca.api.store.StoreHealth;
import org.brevet.pki.BrevetException;
import org.brevet.pki.Der;
import org.brevet.pki.ErrorKind;
import org.brevet.pki.SerialNumber;

/**
 * Test double of the authority's use cases, in memory, with just enough rules to exercise the adapter:
 * one profile ({@code caServerCert}), CSRs that must look like PEM, agents and administrators known by
 * their client certificate, approving twice is a CONFLICT. Not a stand-in for the real authority.
 */
final class FakeAuthority {
    static final Instant NOW = Instant.parse("2026-11-23T20:00:00Z");

    final X509Certificate agentCert = TestCertificates.selfSigned("agent", 11);
    final X509Certificate adminCert = TestCertificates.selfSigned("admin", 12);
    final X509Certificate auditorCert = TestCertificates.selfSigned("auditor", 13);
    final X509Certificate strangerCert = TestCertificates.selfSigned("stranger", 14);
    final X509Certificate caCert = TestCertificates.selfSigned("Test CA", 1);
    final Clock clock = Clock.fixed(NOW, java.time.ZoneOffset.UTC);

    final Map<RequestId, CertificateRequest> requests = new LinkedHashMap<>();
    final Map<SerialNumber, CertificateRecord> certificates = new LinkedHashMap<>();
    final Map<String, User> users = new LinkedHashMap<>();
    final AtomicReference<RuntimeException> failure = new AtomicReference<>();
    final AtomicReference<String> storeDown = new AtomicReference<>();
    private final AtomicLong ids = new AtomicLong(100);

    FakeAuthority() {
        users.put("agent1", new User("agent1", "Agent One", Set.of(Role.AGENT), List.of(TestCertificates.der(agentCert))));
        users.put("caadmin", new User("caadmin", "CA Administrator", Set.of(Role.ADMINISTRATOR, Role.AGENT),
                List.of(TestCertificates.der(adminCert))));
        users.put("auditor1", new User("auditor1", "Auditor", Set.of(Role.AUDITOR), List.of(TestCertificates.der(auditorCert))));
    }

    ApiServices services() {
        return new ApiServices(new FakeEnrollment(), new FakeReview(), new FakeSearch(), new FakeProfiles(),
                new FakeUsers(), new FakeAuthentication(), health());
    }

    private StoreHealth health() {
        return () -> {
            if (storeDown.get() != null) {
                throw new BrevetException(ErrorKind.UNAVAILABLE, storeDown.get());
            }
        };
    }

    private void maybeFail() {
        RuntimeException e = failure.get();
        if (e != null) {
            throw e;
        }
    }

    private static void require(Caller caller, Role role) {
        if (!caller.hasRole(role)) {
            throw new BrevetException(ErrorKind.UNAUTHORIZED, caller.auditId() + " lacks the " + role + " role");
        }
    }

    private CertificateRequest request(RequestId id) {
        CertificateRequest r = requests.get(id);
        if (r == null) {
            throw BrevetException.notFound("no request " + id);
        }
        return r;
    }

    private CertificateRecord issue(CertificateRequest r) {
        SerialNumber serial = new SerialNumber(java.math.BigInteger.valueOf(0xabc0 + certificates.size()));
        CertificateRecord cert = new CertificateRecord(serial, r.requestedSubject(), "CN=Test CA,O=Test", NOW,
                NOW.plusSeconds(86400 * 365), Der.of(("cert-" + serial).getBytes(StandardCharsets.US_ASCII)),
                r.id(), r.profileId(), NOW, Optional.empty());
        certificates.put(serial, cert);
        return cert;
    }

    final class FakeEnrollment implements Enrollment {
        @Override
        public EnrollmentResult submit(Caller caller, EnrollmentRequest in) {
            maybeFail();
            if (!in.profileId().equals("caServerCert")) {
                throw new BrevetException(ErrorKind.UNKNOWN_PROFILE, "no enabled profile '" + in.profileId() + "'");
            }
            String csr = new String(in.csrBytes().bytes(), StandardCharsets.US_ASCII);
            if (!csr.startsWith("-----BEGIN CERTIFICATE REQUEST-----")) {
                throw BrevetException.malformed("not a PKCS#10 request", null);
            }
            RequestId id = new RequestId(ids.incrementAndGet());
            CertificateRequest r = new CertificateRequest(id, in.profileId(), RequestStatus.PENDING, in.csrBytes(),
                    "CN=host.example.com", caller.userId(), NOW, NOW, Optional.empty(), Optional.empty(), Optional.empty());
            if (caller.hasRole(Role.AGENT)) {
                CertificateRecord cert = issue(r);
                r = r.completed(cert.serial(), caller.userId(), NOW);
                requests.put(id, r);
                return new EnrollmentResult(r, Optional.of(cert));
            }
            requests.put(id, r);
            return new EnrollmentResult(r, Optional.empty());
        }

        @Override
        public EnrollmentResult status(RequestId id) {
            CertificateRequest r = request(id);
            return new EnrollmentResult(r, r.serial().map(certificates::get));
        }

        @Override
        public List<ProfileSummary> enrollableProfiles() {
            return List.of(new ProfileSummary("caServerCert", "Server certificate", "TLS server", true, true));
        }
    }

    final class FakeReview implements AgentReview {
        @Override
        public Page<CertificateRequest> list(Caller agent, RequestQuery query) {
            require(agent, Role.AGENT);
            List<CertificateRequest> all = new ArrayList<>(requests.values());
            all.removeIf(r -> query.status().isPresent() && r.status() != query.status().get());
            all.sort(Comparator.comparing((CertificateRequest r) -> r.id().value()).reversed());
            int from = Math.min(query.page().start(), all.size());
            int to = Math.min(from + query.page().size(), all.size());
            return new Page<>(all.subList(from, to), query.page().start(), query.page().size(), to < all.size());
        }

        @Override
        public CertificateRequest get(Caller agent, RequestId id) {
            require(agent, Role.AGENT);
            return request(id);
        }

        @Override
        public EnrollmentResult approve(Caller agent, RequestId id) {
            require(agent, Role.AGENT);
            CertificateRequest r = request(id);
            if (r.status() != RequestStatus.PENDING) {
                throw new BrevetException(ErrorKind.CONFLICT, "request " + id + " is " + r.status().wireName() + ", not pending");
            }
            CertificateRecord cert = issue(r);
            CertificateRequest done = r.completed(cert.serial(), agent.userId(), NOW);
            requests.put(id, done);
            return new EnrollmentResult(done, Optional.of(cert));
        }

        @Override
        public CertificateRequest reject(Caller agent, RequestId id, Optional<String> reason) {
            return close(agent, id, RequestStatus.REJECTED, reason);
        }

        @Override
        public CertificateRequest cancel(Caller agent, RequestId id, Optional<String> reason) {
            return close(agent, id, RequestStatus.CANCELED, reason);
        }

        private CertificateRequest close(Caller agent, RequestId id, RequestStatus status, Optional<String> reason) {
            require(agent, Role.AGENT);
            CertificateRequest closed = request(id).closed(status, agent.auditId(), reason, NOW);
            requests.put(id, closed);
            return closed;
        }
    }

    final class FakeSearch implements CertificateSearch {
        @Override
        public CertificateRecord get(SerialNumber serial) {
            CertificateRecord c = certificates.get(serial);
            if (c == null) {
                throw BrevetException.notFound("no certificate " + serial);
            }
            return c;
        }

        @Override
        public Page<CertificateRecord> search(CertificateQuery query) {
            List<CertificateRecord> hits = certificates.values().stream()
                    .filter(c -> query.subjectContains().map(s -> c.subject().toLowerCase().contains(s.toLowerCase())).orElse(true))
                    .filter(c -> query.status().map(s -> c.statusAt(query.now()) == s).orElse(true))
                    .filter(c -> query.expiresBefore().map(t -> c.notAfter().isBefore(t)).orElse(true))
                    .toList();
            return new Page<>(hits, query.page().start(), query.page().size(), false);
        }

        @Override
        public List<Der> caChain() {
            return List.of(TestCertificates.der(caCert));
        }
    }

    final class FakeProfiles implements ProfileAdministration {
        private final Map<String, ProfileRecord> profiles = new LinkedHashMap<>(Map.of("caServerCert",
                new ProfileRecord("caServerCert", true, "id: caServerCert\n", NOW, Optional.of("$System$"))));

        @Override
        public List<ProfileSummary> list(Caller caller) {
            return profiles.values().stream().map(p -> new ProfileSummary(p.id(), p.id(), "", p.enabled(), true)).toList();
        }

        @Override
        public ProfileRecord show(Caller caller, String id) {
            return Optional.ofNullable(profiles.get(id)).orElseThrow(() -> BrevetException.notFound("no profile " + id));
        }

        @Override
        public ProfileRecord add(Caller admin, String definition) {
            require(admin, Role.ADMINISTRATOR);
            if (!definition.startsWith("id: ")) {
                throw BrevetException.malformed("id: required", null);
            }
            String id = definition.substring(4).trim();
            ProfileRecord p = new ProfileRecord(id, false, definition, NOW, admin.userId());
            profiles.put(id, p);
            return p;
        }

        @Override
        public ProfileRecord modify(Caller admin, String id, String definition) {
            require(admin, Role.ADMINISTRATOR);
            ProfileRecord p = new ProfileRecord(show(admin, id).id(), show(admin, id).enabled(), definition, NOW, admin.userId());
            profiles.put(id, p);
            return p;
        }

        @Override
        public ProfileRecord enable(Caller caller, String id) {
            require(caller, Role.AGENT);
            ProfileRecord p = new ProfileRecord(id, true, show(caller, id).definition(), NOW, caller.userId());
            profiles.put(id, p);
            return p;
        }

        @Override
        public ProfileRecord disable(Caller caller, String id) {
            require(caller, Role.AGENT);
            ProfileRecord p = new ProfileRecord(id, false, show(caller, id).definition(), NOW, caller.userId());
            profiles.put(id, p);
            return p;
        }
    }

    final class FakeUsers implements UserAdministration {
        @Override
        public User add(Caller admin, String userId, String fullName, Set<Role> roles) {
            require(admin, Role.ADMINISTRATOR);
            if (users.containsKey(userId)) {
                throw new BrevetException(ErrorKind.CONFLICT, "user '" + userId + "' exists");
            }
            User u = new User(userId, fullName, roles, List.of());
            users.put(userId, u);
            return u;
        }

        @Override
        public User addRole(Caller admin, String userId, Role role) {
            User u = get(admin, userId);
            Set<Role> roles = new java.util.HashSet<>(u.roles());
            roles.add(role);
            User updated = new User(u.userId(), u.fullName(), roles, u.certificates());
            users.put(userId, updated);
            return updated;
        }

        @Override
        public User addCertificate(Caller admin, String userId, Der certificate) {
            User u = get(admin, userId);
            List<Der> certs = new ArrayList<>(u.certificates());
            certs.add(certificate);
            User updated = new User(u.userId(), u.fullName(), u.roles(), certs);
            users.put(userId, updated);
            return updated;
        }

        @Override
        public List<User> list(Caller admin) {
            require(admin, Role.ADMINISTRATOR);
            return List.copyOf(users.values());
        }

        @Override
        public User get(Caller admin, String userId) {
            require(admin, Role.ADMINISTRATOR);
            return Optional.ofNullable(users.get(userId)).orElseThrow(() -> BrevetException.notFound("no user '" + userId + "'"));
        }
    }

    final class FakeAuthentication implements Authentication {
        @Override
        public Caller identify(Optional<Der> certificate) {
            return certificate.flatMap(this::user).orElse(Caller.ANONYMOUS);
        }

        @Override
        public Caller requireUser(Optional<Der> certificate) {
            if (certificate.isEmpty()) {
                throw new BrevetException(ErrorKind.UNAUTHORIZED, "a client certificate is required");
            }
            return user(certificate.get()).orElseThrow(() ->
                    new BrevetException(ErrorKind.UNAUTHORIZED, "the client certificate belongs to no user"));
        }

        private Optional<Caller> user(Der certificate) {
            return users.values().stream().filter(u -> u.certificates().contains(certificate)).findFirst()
                    .map(u -> Caller.user(u.userId(), u.roles()));
        }
    }
}
