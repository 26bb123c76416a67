package org.brevet.cli;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/** {@code GET /ca/rest/admin/users}: {@code {"users": [...]}}. */
@JsonIgnoreProperties(ignoreUnknown = true)
record UserList(List<UserInfo> users) {
    UserList {
        users = users == null ? List.of() : List.copyOf(users);
    }
}
