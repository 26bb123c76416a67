package org.brevet.ca.api.store;

import java.util.Optional;
import org.brevet.ca.api.CertificateRequest;
import org.brevet.ca.api.Page;
import org.brevet.ca.api.RequestId;
import org.brevet.ca.api.RequestQuery;
import org.brevet.ca.api.RequestStatus;

/** Certificate requests. */
public interface RequestRepository {
    /** Stores a new request; CONFLICT if the id exists. */
    void insert(CertificateRequest request);

    Optional<CertificateRequest> find(RequestId id);

    /** Newest first. */
    Page<CertificateRequest> list(RequestQuery query);

    /**
     * Replaces the request only if its stored status is still {@code expected} (compare-and-set, so two
     * agents approving at once cannot both win). Returns false when the status had changed.
     */
    boolean transition(RequestStatus expected, CertificateRequest updated);
}
