package org.brevet.pki;

/**
 * Transport-neutral, closed set of failure kinds. Each adapter (REST, CMC, SCEP, ACME, OCSP, CLI) maps
 * a kind to its own error format; the domain never speaks HTTP status codes.
 */
public enum ErrorKind {
    /** The input could not be parsed (bad DER, bad PEM, bad JSON, missing field). */
    MALFORMED,
    /** A signature in the input does not verify. */
    BAD_SIGNATURE,
    /** Proof of possession of the private key failed. */
    BAD_POP,
    /** The named profile does not exist or is disabled. */
    UNKNOWN_PROFILE,
    /** The caller is not authenticated, or lacks the role the action needs. */
    UNAUTHORIZED,
    /** The named thing (request, certificate, user) does not exist. */
    NOT_FOUND,
    /** The action conflicts with the current state (approving twice, duplicate user). */
    CONFLICT,
    /** The certificate is already revoked. */
    ALREADY_REVOKED,
    /** The request is well-formed but the profile's policy forbids it. */
    REJECTED_BY_POLICY,
    /** A dependency (database, audit log, HSM) is not available; retrying later may work. */
    UNAVAILABLE,
    /** Anything unexpected; the detail carries no internals. */
    INTERNAL
}
