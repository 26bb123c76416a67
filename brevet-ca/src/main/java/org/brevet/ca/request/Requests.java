package org.brevet.ca.request;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.brevet.ca.api.CertificateRecord;
import org.brevet.ca.api.CertificateRequest;
import org.brevet.ca.api.Caller;
import org.brevet.ca.api.EnrollmentResult;
import org.brevet.ca.api.Page;
import org.brevet.ca.api.RequestQuery;
import org.brevet.ca.api.RequestId;
import org.brevet.ca.api.RequestStatus;
import org.brevet.ca.api.store.CertificateRepository;
import org.brevet.ca.api.store.RequestRepository;
import org.brevet.pki.BrevetException;
import org.brevet.pki.Csr;

/** Creating and reading certificate requests: new ids and timestamps, lookups with their certificates. Thread-safe. */
public final class Requests {
    private final RequestRepository requests;
    private final CertificateRepository certificates;
    private final Clock clock;
    private final SecureRandom random;

    public Requests(RequestRepository requests, CertificateRepository certificates, Clock clock, SecureRandom random) {
        this.requests = requests;
        this.certificates = certificates;
        this.clock = clock;
        this.random = random;
    }

    /** A new PENDING request (not stored) with a random id. */
    CertificateRequest newPending(String profileId, Csr csr, Caller submitter) {
        Instant now = clock.instant();
        return new CertificateRequest(RequestId.random(random), profileId, RequestStatus.PENDING, csr.toDer(),
                csr.subject().rfc4514(), submitter.userId(), now, now, Optional.empty(), Optional.empty(), Optional.empty());
    }

    Instant now() {
        return clock.instant();
    }

    void insert(CertificateRequest request) {
        requests.insert(request);
    }

    CertificateRequest find(RequestId id) {
        return requests.find(id).orElseThrow(() -> BrevetException.notFound("no certificate request " + id));
    }

    /** The request and, when complete, its certificate. */
    EnrollmentResult result(RequestId id) {
        CertificateRequest request = find(id);
        Optional<CertificateRecord> cert = request.serial().flatMap(certificates::find);
        return new EnrollmentResult(request, cert);
    }

    Page<CertificateRequest> list(RequestQuery query) {
        return requests.list(query);
    }

    /** Compare-and-set from PENDING; false when another agent got there first. */
    boolean closePending(CertificateRequest closed) {
        return requests.transition(RequestStatus.PENDING, closed);
    }
}
