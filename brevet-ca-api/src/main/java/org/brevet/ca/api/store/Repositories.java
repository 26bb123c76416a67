package org.brevet.ca.api.store;

import java.util.Objects;

/** Every repository of one store, as the composition root hands them to the authority. */
public record Repositories(
        RequestRepository requests,
        IssuanceRepository issuance,
        CertificateRepository certificates,
        ProfileRepository profiles,
        UserRepository users,
        StoreHealth health) {

    public Repositories {
        Objects.requireNonNull(requests, "requests");
        Objects.requireNonNull(issuance, "issuance");
        Objects.requireNonNull(certificates, "certificates");
        Objects.requireNonNull(profiles, "profiles");
        Objects.requireNonNull(users, "users");
        Objects.requireNonNull(health, "health");
    }
}
