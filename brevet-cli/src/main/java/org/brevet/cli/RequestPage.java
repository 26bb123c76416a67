package org.brevet.cli;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/** One page of {@code GET /ca/rest/agent/certrequests}. */
@JsonIgnoreProperties(ignoreUnknown = true)
record RequestPage(List<CertRequestInfo> requests, int start, int size, boolean hasMore) {
    RequestPage {
        requests = requests == null ? List.of() : List.copyOf(requests);
    }
}
