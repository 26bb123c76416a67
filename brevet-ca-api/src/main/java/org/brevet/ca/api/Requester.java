package org.brevet.ca.api;

import java.util.Objects;
import java.util.Optional;
import org.brevet.pki.Der;

/**
 * Who asks, and with which TLS client certificate. {@link Caller} says which user (and roles) the
 * certificate maps to; {@code clientCertificate} is the certificate itself, which the TLS handshake has
 * already proven the client holds the key of. Use cases that grant rights to the holder of a certificate
 * (revoking one's own certificate) compare it byte for byte with the stored certificate. Adapters must
 * pass only a certificate the TLS layer verified; never one read from a request body or header.
 */
public record Requester(Caller caller, Optional<Der> clientCertificate) {
    public Requester {
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(clientCertificate, "clientCertificate");
    }

    /** A caller without a client certificate (or one whose certificate does not matter). */
    public static Requester of(Caller caller) {
        return new Requester(caller, Optional.empty());
    }

    public static Requester of(Caller caller, Optional<Der> clientCertificate) {
        return new Requester(caller, clientCertificate);
    }

    /** True when the TLS client certificate is exactly this certificate (same DER). */
    public boolean presents(Der certificate) {
        return clientCertificate.map(c -> c.equals(certificate)).orElse(false);
    }
}
