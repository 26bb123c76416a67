package org.brevet.submit;

import java.util.Map;
import java.util.Optional;

/**
 * The {@code CERTMONGER_*} variables a helper reads (reference certmonger.md §4.1). certmonger does not
 * set variables whose value would be empty, so an empty value counts as absent.
 */
record HelperEnvironment(Map<String, String> env) {
    HelperEnvironment {
        env = Map.copyOf(env);
    }

    Optional<String> get(String name) {
        return Optional.ofNullable(env.get(name)).filter(v -> !v.isBlank());
    }

    /** The operation; a manual run without one submits, or polls when it was given a cookie. */
    String operation() {
        return get("CERTMONGER_OPERATION").orElse(cookie().isPresent() ? "POLL" : "SUBMIT");
    }

    Optional<String> csr() {
        return get("CERTMONGER_CSR");
    }

    Optional<String> profile() {
        return get("CERTMONGER_CA_PROFILE");
    }

    Optional<String> cookie() {
        return get("CERTMONGER_CA_COOKIE").map(String::strip);
    }
}
