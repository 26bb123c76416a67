package org.brevet.tracker.api;

import java.util.List;

/**
 * What {@code getcert request}, {@code start-tracking}, {@code resubmit} and {@code rekey} ask for: getcert's
 * storage, PIN, permission, hook, enrolment and CSR-template options (reference certmonger.md §1.1). A null
 * field means "not given": the daemon keeps the current value or applies its default. List fields are
 * never null (empty = not given).
 *
 * <p>{@code pin} crosses only the local control socket; the daemon never writes it to disk in clear.
 */
public record RequestSpec(
        String id,
        String caName,
        Storage keyStorage,
        Storage certStorage,
        String pinFile,
        String pin,
        String keyType,
        Integer keySize,
        String subject,
        List<String> dns,
        List<String> email,
        List<String> principal,
        List<String> ipAddress,
        List<String> keyUsage,
        List<String> extendedKeyUsage,
        String profile,
        String issuer,
        Boolean renew,
        String preSaveCommand,
        String postSaveCommand,
        List<String> caFiles,
        String keyOwner,
        String keyPerms,
        String certOwner,
        String certPerms,
        Boolean forCa,
        Integer caPathLength) {

    public RequestSpec {
        dns = copy(dns);
        email = copy(email);
        principal = copy(principal);
        ipAddress = copy(ipAddress);
        keyUsage = copy(keyUsage);
        extendedKeyUsage = copy(extendedKeyUsage);
        caFiles = copy(caFiles);
    }

    private static List<String> copy(List<String> list) {
        return list == null ? List.of() : List.copyOf(list);
    }

    /** A spec with every field "not given". */
    public static RequestSpec empty() {
        return new RequestSpec(null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    @Override
    public String toString() {
        return "RequestSpec[id=" + id + ", ca=" + caName + ", key=" + keyStorage + ", cert=" + certStorage
                + ", pin=" + (pin == null ? "none" : "***") + "]";
    }
}
