package org.brevet.ca.api;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.brevet.pki.Secret;

/** A new SCEP challenge password, shown once to the agent who created it. */
public record ScepChallenge(Secret password, Optional<String> subject, Instant expiresAt) {
    public ScepChallenge {
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }
}
