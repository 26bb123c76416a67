package org.brevet.http;

import java.util.Objects;
import org.brevet.ca.api.CrlDistribution;
import org.brevet.ca.api.OcspResponder;
import org.brevet.ca.api.Revocation;

/** The certificate-status use cases the adapter calls: revocation, CRLs and OCSP. */
public record StatusServices(Revocation revocation, CrlDistribution crls, OcspResponder ocsp) {
    public StatusServices {
        Objects.requireNonNull(revocation, "revocation");
        Objects.requireNonNull(crls, "crls");
        Objects.requireNonNull(ocsp, "ocsp");
    }
}
