package org.brevet.ca.api.store;

import java.time.Instant;
import java.util.Optional;
import org.brevet.ca.api.RequestId;
import org.brevet.ca.api.ScepPassword;

/** SCEP's one-time challenge passwords and the request each transactionID stands for. */
public interface ScepRepository {
    void insertPassword(ScepPassword password);

    Optional<ScepPassword> findPassword(String hash);

    /**
     * Marks the password used if it is still unused and not expired at {@code now}; false otherwise (so
     * two enrollments racing for one password cannot both win).
     */
    boolean consumePassword(String hash, Instant now);

    /** Records (or moves) a transactionID to the request it now stands for. */
    void saveTransaction(String transactionId, RequestId request, Instant now);

    Optional<RequestId> findTransaction(String transactionId);
}
