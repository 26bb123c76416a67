package org.brevet.ca.profile;

import java.util.Objects;

/**
 * A parsed, validated enrollment profile: what may be requested ({@link ProfilePolicy}), what the issued
 * certificate contains ({@link ProfileDefaults}) and who gets it without an agent ({@link ApprovalRule}).
 * The text format is documented in docs/PROFILES.md; {@link ProfileParser} builds this record from it.
 *
 * @param enabled the state a newly added profile starts in; afterwards the stored flag
 *                ({@code ProfileRecord.enabled}) is authoritative
 * @param visible whether end entities see it in the list of enrollable profiles
 */
public record ProfileDefinition(
        String id,
        String name,
        String description,
        boolean enabled,
        boolean visible,
        ApprovalRule approval,
        ProfilePolicy policy,
        ProfileDefaults defaults) {

    public ProfileDefinition {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(approval, "approval");
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(defaults, "defaults");
    }
}
