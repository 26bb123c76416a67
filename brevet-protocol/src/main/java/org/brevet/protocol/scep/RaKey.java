package org.brevet.protocol.scep;

import java.security.PrivateKey;
import java.util.Objects;
import org.brevet.pki.Certificate;
import org.brevet.pki.Signer;

/**
 * The SCEP registration authority's RSA key and certificate: clients encrypt their requests to it, and
 * it signs every CertRep.
 */
public record RaKey(PrivateKey privateKey, Certificate certificate) {
    public RaKey {
        Objects.requireNonNull(privateKey, "privateKey");
        Objects.requireNonNull(certificate, "certificate");
    }

    public Signer signer() {
        return Signer.of(privateKey, certificate.publicKey());
    }
}
