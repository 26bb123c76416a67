package org.brevet.ca;

import java.util.Objects;

/**
 * The URLs profiles put into certificates, built by the server from its host name and HTTP port.
 *
 * @param ocspUrl      AIA id-ad-ocsp, e.g. {@code http://ca.example.com:8080/ca/ocsp}
 * @param caIssuersUrl AIA id-ad-caIssuers, e.g. {@code http://ca.example.com:8080/ca/cacert.der}
 * @param crlUrl       CRL distribution point, e.g. {@code http://ca.example.com:8080/crl/MasterCRL.crl}
 */
public record AuthorityConfig(String ocspUrl, String caIssuersUrl, String crlUrl) {
    public AuthorityConfig {
        Objects.requireNonNull(ocspUrl, "ocspUrl");
        Objects.requireNonNull(caIssuersUrl, "caIssuersUrl");
        Objects.requireNonNull(crlUrl, "crlUrl");
    }
}
