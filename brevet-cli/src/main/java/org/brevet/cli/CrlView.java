package org.brevet.cli;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/** A generated CRL as {@code POST /ca/rest/agent/crls/{issuingPoint}/update} answers it. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
record CrlView(String issuingPoint, String kind, String number, String baseNumber, String thisUpdate,
        String nextUpdate, Long entries, Long length) {
}
