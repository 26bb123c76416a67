package org.brevet.cli;

import java.util.Optional;

/** The filters and page of {@code GET /ca/rest/certs}; status and expiresBefore already validated. */
record CertQuery(Optional<String> subject, Optional<String> status, Optional<String> expiresBefore, int start, int size) {
}
