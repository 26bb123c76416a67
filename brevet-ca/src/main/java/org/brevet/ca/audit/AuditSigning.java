package org.brevet.ca.audit;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.brevet.pki.Signer;

/**
 * How {@link FileAuditLog} seals its hash chain: the {@code auditSigningCert} key (none: the chain is kept
 * but never signed), how often an {@code AUDIT_LOG_SIGNING} record is written (and the file forced to
 * disk), and the size at which {@code ca_audit} is rolled over to {@code ca_audit.<timestamp>}.
 *
 * @param signer       signs the chain; empty for a chained but unsigned log
 * @param interval     at most this long between a line and the signature (and force) that covers it
 * @param maxFileBytes roll over once the file reaches this size (Dogtag's maxFileSize, 2000 KB)
 */
public record AuditSigning(Optional<Signer> signer, Duration interval, long maxFileBytes) {
    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(5);
    public static final long DEFAULT_MAX_FILE_BYTES = 2_000L * 1024;

    public AuditSigning {
        Objects.requireNonNull(signer, "signer");
        Objects.requireNonNull(interval, "interval");
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("audit signing interval must be positive");
        }
        if (maxFileBytes < 4096) {
            throw new IllegalArgumentException("audit maxFileBytes must be at least 4096");
        }
    }

    /** Signed with the audit signing key every 5 s, rolled over at 2000 KB (Dogtag's defaults). */
    public static AuditSigning signedBy(Signer signer) {
        return new AuditSigning(Optional.of(signer), DEFAULT_INTERVAL, DEFAULT_MAX_FILE_BYTES);
    }

    /** Hash-chained, forced every 5 s, never signed. */
    public static AuditSigning unsigned() {
        return new AuditSigning(Optional.empty(), DEFAULT_INTERVAL, DEFAULT_MAX_FILE_BYTES);
    }

    public AuditSigning withInterval(Duration newInterval) {
        return new AuditSigning(signer, newInterval, maxFileBytes);
    }

    public AuditSigning withMaxFileBytes(long bytes) {
        return new AuditSigning(signer, interval, bytes);
    }
}
