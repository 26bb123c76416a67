package org.brevet.ca.api;

import java.util.List;

/**
 * Managing profiles. Reading needs any role; adding and modifying need ADMINISTRATOR; enabling and
 * disabling need AGENT or ADMINISTRATOR (Dogtag: agents enable profiles). Definitions are validated before
 * they are stored (REJECTED_BY_POLICY or MALFORMED naming the bad field).
 */
public interface ProfileAdministration {
    List<ProfileSummary> list(Caller caller);

    ProfileRecord show(Caller caller, String profileId);

    ProfileRecord add(Caller admin, String definition);

    ProfileRecord modify(Caller admin, String profileId, String definition);

    ProfileRecord enable(Caller caller, String profileId);

    ProfileRecord disable(Caller caller, String profileId);
}
