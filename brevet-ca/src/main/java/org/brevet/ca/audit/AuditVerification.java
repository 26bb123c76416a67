package org.brevet.ca.audit;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link AuditVerifier} found.
 *
 * @param lines         lines checked (up to the first bad one)
 * @param signatures    valid {@code AUDIT_LOG_SIGNING} records seen
 * @param unsignedTail  lines after the last signature (normal while the CA runs; zero after a clean shutdown)
 * @param firstBad      the first line that breaks the chain or carries a bad signature
 */
public record AuditVerification(long lines, long signatures, long unsignedTail, Optional<BadLine> firstBad) {
    public AuditVerification {
        Objects.requireNonNull(firstBad, "firstBad");
    }

    /** True when every line is chained and every signature verifies. */
    public boolean intact() {
        return firstBad.isEmpty();
    }

    /** A line that fails verification: file, 1-based line number, and why. */
    public record BadLine(Path file, long lineNumber, String reason) {
        @Override
        public String toString() {
            return file.getFileName() + ":" + lineNumber + ": " + reason;
        }
    }
}
