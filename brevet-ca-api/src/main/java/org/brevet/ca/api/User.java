package org.brevet.ca.api;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.brevet.pki.Der;

/** A user of the CA: roles, and the client certificates that authenticate as this user (exact match). */
public record User(String userId, String fullName, Set<Role> roles, List<Der> certificates) {
    public User {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(fullName, "fullName");
        roles = Set.copyOf(roles);
        certificates = List.copyOf(certificates);
    }
}
