/**
 * The audit trail: event names, the hash-chained and signed file writer ({@link org.brevet.ca.audit.FileAuditLog},
 * Dogtag's record shape plus a {@code [Chain=...]} field and {@code AUDIT_LOG_SIGNING} records) and its
 * verifier ({@link org.brevet.ca.audit.AuditVerifier}).
 */
package org.brevet.ca.audit;
