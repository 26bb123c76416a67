package org.brevet.ca.api;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A key recovery request (Dogtag's KeyRecoveryRequest with asynchronous approval): asked by one agent, approved
 * by {@code requiredApprovals} distinct agents, then retrieved once, by the agent who asked.
 *
 * @param requester the agent who asked; the only one who may retrieve
 * @param approvers the distinct agents who approved, in order
 */
public record RecoveryRequest(KeyRequestId id, ArchivedKeyId keyId, String requester, Status status,
        List<String> approvers, int requiredApprovals, Instant createdAt, Instant updatedAt) {

    /** Dogtag's request states for a recovery. */
    public enum Status {
        /** Waiting for approvals. */
        PENDING,
        /** Enough distinct agents approved; the requester may retrieve. */
        APPROVED,
        /** The requester retrieved the key. */
        COMPLETE;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Status parse(String text) {
            try {
                return valueOf(text.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw org.brevet.pki.BrevetException.malformed("unknown request state '" + text + "' (pending, approved, complete)", e);
            }
        }
    }

    public RecoveryRequest {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(requester, "requester");
        Objects.requireNonNull(status, "status");
        approvers = List.copyOf(approvers);
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        if (requiredApprovals < 1) {
            throw new IllegalArgumentException("requiredApprovals must be at least 1");
        }
    }
}
