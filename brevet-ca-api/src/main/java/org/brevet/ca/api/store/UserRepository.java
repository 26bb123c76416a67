package org.brevet.ca.api.store;

import java.util.List;
import java.util.Optional;
import org.brevet.ca.api.User;
import org.brevet.pki.Der;

/** Users, their roles and the certificates that authenticate them. */
public interface UserRepository {
    /** CONFLICT if the user id exists. */
    void insert(User user);

    /** Replaces roles and full name; NOT_FOUND if absent. */
    void update(User user);

    Optional<User> find(String userId);

    List<User> list();

    /** Maps a certificate to its user; CONFLICT if it already belongs to someone, NOT_FOUND if no such user. */
    void addCertificate(String userId, Der certificate);

    /** The user whose certificate is exactly this one (byte-for-byte). */
    Optional<User> findByCertificate(Der certificate);
}
