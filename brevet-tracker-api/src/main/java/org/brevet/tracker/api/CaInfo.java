package org.brevet.tracker.api;

import java.util.List;
import java.util.Objects;

/**
 * One CA as {@code getcert list-cas} shows it (reference certmonger.md §3.2). {@code type} is
 * {@code EXTERNAL} or {@code INTERNAL:SELF}; nullable fields are unset.
 */
public record CaInfo(
        String nickname,
        String aka,
        boolean isDefault,
        String type,
        String helperLocation,
        String nextSerial,
        List<String> issuerNames,
        String defaultProfile,
        List<String> profiles,
        List<String> rootCertFiles,
        String caError,
        String configPath) {

    public static final String EXTERNAL = "EXTERNAL";
    public static final String INTERNAL_SELF = "INTERNAL:SELF";

    public CaInfo {
        Objects.requireNonNull(nickname, "nickname");
        Objects.requireNonNull(type, "type");
        issuerNames = List.copyOf(issuerNames == null ? List.of() : issuerNames);
        profiles = List.copyOf(profiles == null ? List.of() : profiles);
        rootCertFiles = List.copyOf(rootCertFiles == null ? List.of() : rootCertFiles);
    }
}
