package org.brevet.cli;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** {@code GET /ca/rest/profiles/{id}}: the stored definition text (YAML or JSON) and who changed it last. */
@JsonIgnoreProperties(ignoreUnknown = true)
record ProfileDetails(String id, boolean enabled, String definition, String updatedAt, String updatedBy) {
}
