package org.brevet.ca.api;

/**
 * The audit trail: a separate sink from diagnostic logging. {@link #append} returns once the record is
 * written; if it cannot be written it throws {@code BrevetException(UNAVAILABLE)} and the caller must not
 * carry out the audited action (Common Criteria: no audit, no issuance).
 */
public interface AuditLog {
    void append(AuditEvent event);
}
