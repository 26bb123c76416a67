package org.brevet.ca.api;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An enrollment profile as stored: its id, whether it is enabled, and its definition text (the
 * documented YAML format, parsed and validated by the authority before it is stored).
 */
public record ProfileRecord(String id, boolean enabled, String definition, Instant updatedAt, Optional<String> updatedBy) {
    public ProfileRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(definition, "definition");
        Objects.requireNonNull(updatedAt, "updatedAt");
        Objects.requireNonNull(updatedBy, "updatedBy");
    }
}
