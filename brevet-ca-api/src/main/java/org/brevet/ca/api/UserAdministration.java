package org.brevet.ca.api;

import java.util.List;
import java.util.Set;
import org.brevet.pki.Der;

/** Users and roles; every method requires ADMINISTRATOR. Each change is audited (CONFIG_ROLE). */
public interface UserAdministration {
    User add(Caller admin, String userId, String fullName, Set<Role> roles);

    User addRole(Caller admin, String userId, Role role);

    /** Maps a client certificate to the user (exact match). */
    User addCertificate(Caller admin, String userId, Der certificate);

    List<User> list(Caller admin);

    User get(Caller admin, String userId);
}
