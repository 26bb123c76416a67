package org.brevet.cli;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** A profile in {@code GET /ca/rest/profiles} and {@code /ca/rest/certrequests/profiles}. */
@JsonIgnoreProperties(ignoreUnknown = true)
record ProfileSummary(String id, String name, String description, boolean enabled, boolean visible) {
}
