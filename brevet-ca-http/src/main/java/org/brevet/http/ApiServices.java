package org.brevet.http;

import java.util.Objects;
import org.brevet.ca.api.AgentReview;
import org.brevet.ca.api.Authentication;
import org.brevet.ca.api.CertificateSearch;
import org.brevet.ca.api.Enrollment;
import org.brevet.ca.api.ProfileAdministration;
import org.brevet.ca.api.UserAdministration;
import org.brevet.ca.api.store.StoreHealth;

/** The authority's use cases the REST adapter calls; the composition root fills it from the authority. */
public record ApiServices(
        Enrollment enrollment,
        AgentReview agentReview,
        CertificateSearch certificates,
        ProfileAdministration profiles,
        UserAdministration users,
        Authentication authentication,
        StoreHealth health) {

    public ApiServices {
        Objects.requireNonNull(enrollment, "enrollment");
        Objects.requireNonNull(agentReview, "agentReview");
        Objects.requireNonNull(certificates, "certificates");
        Objects.requireNonNull(profiles, "profiles");
        Objects.requireNonNull(users, "users");
        Objects.requireNonNull(authentication, "authentication");
        Objects.requireNonNull(health, "health");
    }
}
