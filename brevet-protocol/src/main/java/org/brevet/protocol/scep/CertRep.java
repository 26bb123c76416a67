package org.brevet.protocol.scep;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.brevet.pki.Certificate;
import org.brevet.pki.Der;

/** A CertRep as a client reads it: status, failInfo, the echoed nonce and, on SUCCESS, the certificates. */
public record CertRep(String transactionId, PkiStatus status, Optional<FailInfo> failInfo, Der recipientNonce,
        List<Certificate> certificates) {
    public CertRep {
        Objects.requireNonNull(transactionId, "transactionId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(failInfo, "failInfo");
        Objects.requireNonNull(recipientNonce, "recipientNonce");
        certificates = List.copyOf(certificates);
    }
}
