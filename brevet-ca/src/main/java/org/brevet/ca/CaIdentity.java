package org.brevet.ca;

import java.util.List;
import java.util.Objects;
import org.brevet.pki.Certificate;
import org.brevet.pki.Signer;

/**
 * The CA's signing key and certificates.
 *
 * @param signer      signs with the CA key (caSigningCert)
 * @param certificate the CA certificate whose key the signer holds
 * @param chain       the CA certificate first, then its issuers up to the root
 */
public record CaIdentity(Signer signer, Certificate certificate, List<Certificate> chain) {
    public CaIdentity {
        Objects.requireNonNull(signer, "signer");
        Objects.requireNonNull(certificate, "certificate");
        chain = List.copyOf(chain);
        if (chain.isEmpty() || !chain.get(0).equals(certificate)) {
            throw new IllegalArgumentException("chain must start with the CA certificate");
        }
    }
}
