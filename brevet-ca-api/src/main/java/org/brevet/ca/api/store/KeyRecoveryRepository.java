package org.brevet.ca.api.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.brevet.ca.api.KeyRequestId;
import org.brevet.ca.api.RecoveryRequest;

/** Recovery requests and their approvals (one row per approving agent, unique per request and agent). */
public interface KeyRecoveryRepository {
    void insert(RecoveryRequest request);

    Optional<RecoveryRequest> find(KeyRequestId id);

    /** Newest first. */
    List<RecoveryRequest> search(Optional<RecoveryRequest.Status> status, int maxResults);

    /**
     * Records {@code agent}'s approval of a PENDING request and, once the distinct approvals reach the required
     * number, moves it to APPROVED, in one transaction. CONFLICT if the agent already approved or the request
     * is no longer pending; NOT_FOUND if there is no such request.
     */
    RecoveryRequest approve(KeyRequestId id, String agent, Instant at);

    /** APPROVED → COMPLETE; false if the request was not APPROVED (already retrieved, or not yet approved). */
    boolean complete(KeyRequestId id, Instant at);
}
