package org.brevet.ca.api.store;

import java.util.List;
import java.util.Optional;
import org.brevet.ca.api.ProfileRecord;

/** Enrollment profiles, shared by every node through the database. */
public interface ProfileRepository {
    List<ProfileRecord> list();

    Optional<ProfileRecord> find(String id);

    /** Inserts; CONFLICT if the id exists. */
    void insert(ProfileRecord profile);

    /** Replaces an existing profile; NOT_FOUND if it does not exist. */
    void update(ProfileRecord profile);
}
