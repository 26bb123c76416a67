package org.brevet.cli;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/** {@code {"profiles": [...]}}. */
@JsonIgnoreProperties(ignoreUnknown = true)
record ProfileList(List<ProfileSummary> profiles) {
    ProfileList {
        profiles = profiles == null ? List.of() : List.copyOf(profiles);
    }
}
