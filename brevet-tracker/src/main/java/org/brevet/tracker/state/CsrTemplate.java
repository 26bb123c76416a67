package org.brevet.tracker.state;

import java.util.List;

/**
 * The CSR template of a request (getcert's -N -D -E -K -A -u -U -T -X --for-ca --ca-path-length). Null
 * subject means "the default" ({@code CN=<hostname>}); lists are never null.
 */
public record CsrTemplate(
        String subject,
        List<String> dns,
        List<String> email,
        List<String> principal,
        List<String> ipAddress,
        List<String> keyUsage,
        List<String> extendedKeyUsage,
        String profile,
        String issuer,
        boolean forCa,
        int caPathLength) {

    public CsrTemplate {
        dns = List.copyOf(dns);
        email = List.copyOf(email);
        principal = List.copyOf(principal);
        ipAddress = List.copyOf(ipAddress);
        keyUsage = List.copyOf(keyUsage);
        extendedKeyUsage = List.copyOf(extendedKeyUsage);
    }

    public static CsrTemplate empty() {
        return new CsrTemplate(null, List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), null, null,
                false, -1);
    }
}
