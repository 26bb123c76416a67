package org.brevet.tracker.submit;

import java.util.List;
import java.util.Objects;

/**
 * One known CA (certmonger's CA file, reference §6.2): nickname, kind, helper command line for external
 * CAs, and what the CA data operations learnt (IDENTIFY → {@code aka}, FETCH-ROOTS → {@code rootCertsPem},
 * GET-* → profiles and requirements). Nullable fields are unknown.
 */
public record CaEntry(
        String nickname,
        CaKind kind,
        String helperCommand,
        String aka,
        boolean isDefault,
        List<String> rootCertsPem,
        List<String> profiles,
        String defaultProfile,
        List<String> requiredEnrollAttributes,
        List<String> requiredRenewAttributes,
        String caError) {

    public CaEntry {
        Objects.requireNonNull(nickname, "nickname");
        Objects.requireNonNull(kind, "kind");
        if (kind == CaKind.EXTERNAL) {
            Objects.requireNonNull(helperCommand, "helperCommand");
        }
        rootCertsPem = List.copyOf(rootCertsPem);
        profiles = List.copyOf(profiles);
        requiredEnrollAttributes = List.copyOf(requiredEnrollAttributes);
        requiredRenewAttributes = List.copyOf(requiredRenewAttributes);
    }

    public static CaEntry builtIn(String nickname, CaKind kind, String aka) {
        return new CaEntry(nickname, kind, null, aka, false, List.of(), List.of(), null, List.of(), List.of(), null);
    }

    public static CaEntry external(String nickname, String helperCommand) {
        return new CaEntry(nickname, CaKind.EXTERNAL, helperCommand, null, false, List.of(), List.of(), null, List.of(),
                List.of(), null);
    }

    public CaEntry withHelper(String command) {
        return new CaEntry(nickname, kind, command, null, isDefault, List.of(), List.of(), null, List.of(), List.of(), null);
    }

    /** The CA after its data operations ran. */
    public CaEntry withData(String newAka, List<String> roots, List<String> newProfiles, String newDefault,
            List<String> enroll, List<String> renew, String error) {
        return new CaEntry(nickname, kind, helperCommand, newAka, isDefault, roots, newProfiles, newDefault, enroll, renew,
                error);
    }
}
