package org.brevet.ca.api;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A one-time SCEP challenge password as stored: its SHA-256 (hex), never the password itself.
 *
 * @param subject   when present, the only subject DN (RFC 4514) the password may enroll
 * @param usedAt    when the one enrollment it allows consumed it
 */
public record ScepPassword(String hash, Optional<String> subject, Instant createdAt, Instant expiresAt,
        Optional<String> createdBy, Optional<Instant> usedAt) {
    public ScepPassword {
        Objects.requireNonNull(hash, "hash");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(createdBy, "createdBy");
        Objects.requireNonNull(usedAt, "usedAt");
    }

    public boolean isUsableAt(Instant now) {
        return usedAt.isEmpty() && now.isBefore(expiresAt);
    }
}
