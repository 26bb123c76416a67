package org.brevet.ca.scep;

import java.util.Objects;

/**
 * SCEP settings from brevet.conf.
 *
 * @param profile the profile SCEP enrollments use when the path names none ({@code scep.profile})
 */
public record ScepConfig(String profile) {
    public static final String DEFAULT_PROFILE = "caServerCert";

    public ScepConfig {
        Objects.requireNonNull(profile, "profile");
    }

    public static ScepConfig defaults() {
        return new ScepConfig(DEFAULT_PROFILE);
    }
}
