package org.brevet.tracker.state;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What the tracker knows about the certificate currently at the request's location (certmonger's cached
 * {@code cert_*} fields): enough to show {@code getcert list} and to decide when to renew.
 */
public record CertFacts(
        String issuer,
        String subject,
        String serial,
        Instant notBefore,
        Instant notAfter,
        List<String> dns,
        List<String> email,
        List<String> principal,
        List<String> ipAddress,
        List<String> keyUsage,
        List<String> extendedKeyUsage) {

    public CertFacts {
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(serial, "serial");
        Objects.requireNonNull(notBefore, "notBefore");
        Objects.requireNonNull(notAfter, "notAfter");
        dns = List.copyOf(dns);
        email = List.copyOf(email);
        principal = List.copyOf(principal);
        ipAddress = List.copyOf(ipAddress);
        keyUsage = List.copyOf(keyUsage);
        extendedKeyUsage = List.copyOf(extendedKeyUsage);
    }
}
