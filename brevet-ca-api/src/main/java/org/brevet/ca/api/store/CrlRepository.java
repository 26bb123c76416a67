package org.brevet.ca.api.store;

import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.util.Optional;
import org.brevet.ca.api.CrlInfo;

/**
 * CRL numbers and the latest CRLs of each issuing point, shared by every node. CRL numbers are drawn
 * from the database so that they never repeat and never go backwards, whichever node generates.
 */
public interface CrlRepository {
    /**
     * Atomically takes the next CRL number of the issuing point (full and delta CRLs share one sequence,
     * RFC 5280 §5.2.4); the first call returns {@code startingNumber}.
     */
    BigInteger nextCrlNumber(String issuingPoint, BigInteger startingNumber);

    /**
     * Stores a generated CRL as the latest of its kind, read from {@code der} ({@code info.length()}
     * bytes), unless a CRL of that kind with a higher number is already stored (then nothing changes and
     * false is returned).
     */
    boolean store(CrlInfo info, InputStream der);

    /** The latest CRL of that kind, without its content. */
    Optional<CrlInfo> latest(String issuingPoint, CrlInfo.Kind kind);

    /** Copies the latest CRL of that kind to {@code out} and returns what it was; empty (nothing written) if none. */
    Optional<CrlInfo> copyLatest(String issuingPoint, CrlInfo.Kind kind, OutputStream out);
}
