package org.brevet.cli;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/** One page of {@code GET /ca/rest/certs}. */
@JsonIgnoreProperties(ignoreUnknown = true)
record CertificatePage(List<CertificateInfo> certificates, int start, int size, boolean hasMore) {
    CertificatePage {
        certificates = certificates == null ? List.of() : List.copyOf(certificates);
    }
}
