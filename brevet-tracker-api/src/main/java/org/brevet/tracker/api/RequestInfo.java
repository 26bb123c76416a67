package org.brevet.tracker.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Everything {@code getcert list} shows about one request (reference certmonger.md §3.1), plus fields
 * certmonger does not show ({@code hookError}, {@code nextAttempt}, {@code serial}). Nullable fields
 * are unknown or unset.
 */
@JsonIgnoreProperties(value = "stuck", allowGetters = true)
public record RequestInfo(
        String id,
        RequestState state,
        String caError,
        Storage keyStorage,
        boolean pinSet,
        String pinFile,
        Storage certStorage,
        String ca,
        String issuer,
        String subject,
        String serial,
        Instant notBefore,
        Instant notAfter,
        List<String> email,
        List<String> dns,
        List<String> principal,
        List<String> ipAddress,
        List<String> keyUsage,
        List<String> extendedKeyUsage,
        String profile,
        String issuerTemplate,
        String preSaveCommand,
        String postSaveCommand,
        String hookError,
        boolean track,
        boolean autoRenew,
        Instant nextAttempt) {

    public RequestInfo {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(state, "state");
        email = List.copyOf(email == null ? List.of() : email);
        dns = List.copyOf(dns == null ? List.of() : dns);
        principal = List.copyOf(principal == null ? List.of() : principal);
        ipAddress = List.copyOf(ipAddress == null ? List.of() : ipAddress);
        keyUsage = List.copyOf(keyUsage == null ? List.of() : keyUsage);
        extendedKeyUsage = List.copyOf(extendedKeyUsage == null ? List.of() : extendedKeyUsage);
    }

    @com.fasterxml.jackson.annotation.JsonProperty("stuck")
    public boolean stuck() {
        return state.isStuck();
    }
}
