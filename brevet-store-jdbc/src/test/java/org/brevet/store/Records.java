package org.brevet.store;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.brevet.ca.api.CertificateRecord;
import org.brevet.ca.api.CertificateRequest;
import org.brevet.ca.api.RequestId;
import org.brevet.ca.api.RequestStatus;
import org.brevet.pki.Der;
import org.brevet.pki.SerialNumber;

/**
 * Test records. Certificates and CSRs are opaque random bytes: the store never parses them. Instants
 * have microsecond precision, the precision both databases keep.
 */
final class Records {
    static final Instant T0 = Instant.parse("2026-11-23T20:00:00.123456Z");
    private static final SecureRandom RANDOM = new SecureRandom();

    private Records() {
    }

    static Der bytes(int length) {
        byte[] b = new byte[length];
        RANDOM.nextBytes(b);
        return Der.of(b);
    }

    static RequestId requestId() {
        return RequestId.random(RANDOM);
    }

    static SerialNumber serial() {
        return SerialNumber.random(RANDOM);
    }

    static CertificateRequest pending(RequestId id, String subject, Instant createdAt) {
        return new CertificateRequest(id, "caServerCert", RequestStatus.PENDING, bytes(300), subject,
                Optional.empty(), createdAt, createdAt, Optional.empty(), Optional.empty(), Optional.empty());
    }

    static CertificateRequest pending(RequestId id) {
        return pending(id, "CN=host.example.com,O=Example", T0);
    }

    static CertificateRecord certificate(SerialNumber serial, RequestId requestId, String subject, Instant notAfter) {
        return new CertificateRecord(serial, subject, "CN=Certificate Authority,O=EXAMPLE.COM",
                notAfter.minus(Duration.ofDays(365)), notAfter, bytes(900), requestId, "caServerCert",
                T0.plusSeconds(1), Optional.empty());
    }

    static CertificateRecord certificate(SerialNumber serial, RequestId requestId) {
        return certificate(serial, requestId, "CN=host.example.com,O=Example", T0.plus(Duration.ofDays(365)));
    }
}
