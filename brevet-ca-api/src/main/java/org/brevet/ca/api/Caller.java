package org.brevet.ca.api;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Who is asking: an authenticated user with roles, or anonymous. Adapters build it from the TLS client
 * certificate through {@link Authentication}; use cases decide with it.
 */
public record Caller(Optional<String> userId, Set<Role> roles) {
    public static final Caller ANONYMOUS = new Caller(Optional.empty(), Set.of());

    public Caller {
        Objects.requireNonNull(userId, "userId");
        roles = Set.copyOf(roles);
    }

    public static Caller user(String userId, Set<Role> roles) {
        return new Caller(Optional.of(userId), roles);
    }

    public boolean isAnonymous() {
        return userId.isEmpty();
    }

    public boolean hasRole(Role role) {
        return roles.contains(role);
    }

    /** The id written to the audit log: the user id, or Dogtag's {@code $Unidentified$}. */
    public String auditId() {
        return userId.orElse("$Unidentified$");
    }
}
