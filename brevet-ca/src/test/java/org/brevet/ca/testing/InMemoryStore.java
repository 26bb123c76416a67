package org.brevet.ca.testing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.brevet.ca.api.CertificateQuery;
import org.brevet.ca.api.CertificateRecord;
import org.brevet.ca.api.CertificateRequest;
import org.brevet.ca.api.Page;
import org.brevet.ca.api.ProfileRecord;
import org.brevet.ca.api.RequestId;
import org.brevet.ca.api.RequestQuery;
import org.brevet.ca.api.RequestStatus;
import org.brevet.ca.api.User;
import org.brevet.ca.api.store.CertificateRepository;
import org.brevet.ca.api.store.IssuanceRepository;
import org.brevet.ca.api.store.ProfileRepository;
import org.brevet.ca.api.store.Repositories;
import org.brevet.ca.api.store.RequestRepository;
import org.brevet.ca.api.store.UserRepository;
import org.brevet.pki.BrevetException;
import org.brevet.pki.Der;
import org.brevet.pki.ErrorKind;
import org.brevet.pki.SerialNumber;

/**
 * Test double of the repository ports, following their documented contracts (CONFLICT on duplicates,
 * compare-and-set transitions). Test code only: the product uses brevet-store-jdbc. Synchronized, so
 * concurrency tests see the same atomicity a database transaction gives.
 */
public final class InMemoryStore {
    public final Map<RequestId, CertificateRequest> requests = new LinkedHashMap<>();
    public final Map<SerialNumber, CertificateRecord> certificates = new LinkedHashMap<>();
    public final Map<SerialNumber, Der> intents = new LinkedHashMap<>();
    public final Map<String, ProfileRecord> profiles = new LinkedHashMap<>();
    public final Map<String, User> users = new LinkedHashMap<>();
    /** Serials recordIntent treats as already used (to test redrawing). */
    public final List<SerialNumber> usedSerials = new ArrayList<>();
    public int intentConflicts;

    public Repositories repositories() {
        return new Repositories(new Requests(), new Issuance(), new Certificates(), new Profiles(), new Users(), () -> { });
    }

    public synchronized int storedCount() {
        return requests.size() + certificates.size() + intents.size();
    }

    private final class Requests implements RequestRepository {
        @Override
        public void insert(CertificateRequest request) {
            synchronized (InMemoryStore.this) {
                if (requests.containsKey(request.id())) {
                    throw new BrevetException(ErrorKind.CONFLICT, "request exists");
                }
                requests.put(request.id(), request);
            }
        }

        @Override
        public Optional<CertificateRequest> find(RequestId id) {
            synchronized (InMemoryStore.this) {
                return Optional.ofNullable(requests.get(id));
            }
        }

        @Override
        public Page<CertificateRequest> list(RequestQuery query) {
            synchronized (InMemoryStore.this) {
                List<CertificateRequest> all = requests.values().stream()
                        .filter(r -> query.status().map(s -> s == r.status()).orElse(true))
                        .sorted(Comparator.comparing(CertificateRequest::createdAt).reversed())
                        .toList();
                return page(all, query.page().start(), query.page().size());
            }
        }

        @Override
        public boolean transition(RequestStatus expected, CertificateRequest updated) {
            synchronized (InMemoryStore.this) {
                CertificateRequest current = requests.get(updated.id());
                if (current == null || current.status() != expected) {
                    return false;
                }
                requests.put(updated.id(), updated);
                return true;
            }
        }
    }

    private final class Issuance implements IssuanceRepository {
        @Override
        public void recordIntent(SerialNumber serial, RequestId requestId, Der tbsCertificate) {
            synchronized (InMemoryStore.this) {
                if (intents.containsKey(serial) || usedSerials.contains(serial)) {
                    intentConflicts++;
                    throw new BrevetException(ErrorKind.CONFLICT, "serial " + serial + " already used");
                }
                intents.put(serial, tbsCertificate);
            }
        }

        @Override
        public void storeIssued(CertificateRecord certificate, RequestStatus expected, CertificateRequest completed) {
            synchronized (InMemoryStore.this) {
                CertificateRequest current = requests.get(completed.id());
                if (current == null || current.status() != expected) {
                    throw new BrevetException(ErrorKind.CONFLICT, "request is no longer " + expected);
                }
                certificates.put(certificate.serial(), certificate);
                requests.put(completed.id(), completed);
            }
        }

        @Override
        public void storeIssuedWithNewRequest(CertificateRecord certificate, CertificateRequest completed) {
            synchronized (InMemoryStore.this) {
                if (requests.containsKey(completed.id())) {
                    throw new BrevetException(ErrorKind.CONFLICT, "request exists");
                }
                certificates.put(certificate.serial(), certificate);
                requests.put(completed.id(), completed);
            }
        }
    }

    private final class Certificates implements CertificateRepository {
        @Override
        public Optional<CertificateRecord> find(SerialNumber serial) {
            synchronized (InMemoryStore.this) {
                return Optional.ofNullable(certificates.get(serial));
            }
        }

        @Override
        public Page<CertificateRecord> search(CertificateQuery query) {
            synchronized (InMemoryStore.this) {
                Instant now = query.now();
                List<CertificateRecord> all = certificates.values().stream()
                        .filter(c -> query.subjectContains().map(s -> c.subject().toLowerCase().contains(s.toLowerCase())).orElse(true))
                        .filter(c -> query.status().map(s -> c.statusAt(now) == s).orElse(true))
                        .filter(c -> query.expiresBefore().map(c.notAfter()::isBefore).orElse(true))
                        .sorted(Comparator.comparing(CertificateRecord::notAfter).thenComparing(CertificateRecord::serial))
                        .toList();
                return page(all, query.page().start(), query.page().size());
            }
        }
    }

    private final class Profiles implements ProfileRepository {
        @Override
        public List<ProfileRecord> list() {
            synchronized (InMemoryStore.this) {
                return List.copyOf(profiles.values());
            }
        }

        @Override
        public Optional<ProfileRecord> find(String id) {
            synchronized (InMemoryStore.this) {
                return Optional.ofNullable(profiles.get(id));
            }
        }

        @Override
        public void insert(ProfileRecord profile) {
            synchronized (InMemoryStore.this) {
                if (profiles.containsKey(profile.id())) {
                    throw new BrevetException(ErrorKind.CONFLICT, "profile exists");
                }
                profiles.put(profile.id(), profile);
            }
        }

        @Override
        public void update(ProfileRecord profile) {
            synchronized (InMemoryStore.this) {
                if (!profiles.containsKey(profile.id())) {
                    throw BrevetException.notFound("no profile");
                }
                profiles.put(profile.id(), profile);
            }
        }
    }

    private final class Users implements UserRepository {
        @Override
        public void insert(User user) {
            synchronized (InMemoryStore.this) {
                if (users.containsKey(user.userId())) {
                    throw new BrevetException(ErrorKind.CONFLICT, "user exists");
                }
                users.put(user.userId(), user);
            }
        }

        @Override
        public void update(User user) {
            synchronized (InMemoryStore.this) {
                User current = users.get(user.userId());
                if (current == null) {
                    throw BrevetException.notFound("no user");
                }
                users.put(user.userId(), new User(user.userId(), user.fullName(), user.roles(), current.certificates()));
            }
        }

        @Override
        public Optional<User> find(String userId) {
            synchronized (InMemoryStore.this) {
                return Optional.ofNullable(users.get(userId));
            }
        }

        @Override
        public List<User> list() {
            synchronized (InMemoryStore.this) {
                return List.copyOf(users.values());
            }
        }

        @Override
        public void addCertificate(String userId, Der certificate) {
            synchronized (InMemoryStore.this) {
                User user = users.get(userId);
                if (user == null) {
                    throw BrevetException.notFound("no user");
                }
                if (users.values().stream().anyMatch(u -> u.certificates().contains(certificate))) {
                    throw new BrevetException(ErrorKind.CONFLICT, "certificate already mapped");
                }
                List<Der> certs = new ArrayList<>(user.certificates());
                certs.add(certificate);
                users.put(userId, new User(userId, user.fullName(), user.roles(), certs));
            }
        }

        @Override
        public Optional<User> findByCertificate(Der certificate) {
            synchronized (InMemoryStore.this) {
                return users.values().stream().filter(u -> u.certificates().contains(certificate)).findFirst();
            }
        }
    }

    private static <T> Page<T> page(List<T> all, int start, int size) {
        List<T> items = all.stream().skip(start).limit(size).toList();
        return new Page<>(items, start, size, all.size() > start + size);
    }
}
