package org.brevet.ca.api;

import java.io.OutputStream;
import java.util.Optional;

/**
 * The CRLs of the CA's issuing points ({@code MasterCRL}): generated on a schedule and on an agent's
 * demand, stored in the database and served by every node.
 */
public interface CrlDistribution {
    /**
     * Generates a full CRL now (and a delta CRL when deltas are enabled) and returns the full one once it
     * is stored. AGENT only; NOT_FOUND for an unknown issuing point.
     */
    CrlInfo update(Caller agent, String issuingPoint);

    /**
     * Asks for a full CRL now without waiting for it: on a single node or the CRL master it is generated at once,
     * on any other node of a cluster the request is queued for the master. AGENT only.
     */
    default void requestUpdate(Caller agent, String issuingPoint) {
        update(agent, issuingPoint);
    }

    /** The latest CRL of that kind, without its content; NOT_FOUND for an unknown issuing point. */
    Optional<CrlInfo> latest(String issuingPoint, CrlInfo.Kind kind);

    /**
     * Writes the latest CRL of that kind (DER) to {@code out}. NOT_FOUND for an unknown issuing point or
     * when no such CRL was generated yet (no delta when deltas are disabled).
     */
    CrlInfo copyLatest(String issuingPoint, CrlInfo.Kind kind, OutputStream out);
}
