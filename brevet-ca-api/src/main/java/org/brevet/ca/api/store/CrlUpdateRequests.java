package org.brevet.ca.api.store;

import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Requests to generate a CRL now, made on a node that is not the CRL master and carried out by the master:
 * the database is the only channel between nodes.
 */
public interface CrlUpdateRequests {
    /** Queues a request and returns its id. */
    long request(String issuingPoint, String requestedBy, Instant now);

    /** Ids of the requests not yet carried out, oldest first. */
    List<Long> pending(String issuingPoint);

    /** Marks the requests as carried out by the CRL with that number. */
    void complete(List<Long> ids, BigInteger crlNumber, Instant now);

    /** The number of the CRL that carried out the request, once it was. */
    Optional<BigInteger> result(long id);
}
