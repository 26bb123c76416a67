package org.brevet.ca.api;

import java.util.Optional;
import org.brevet.pki.Der;

/**
 * Maps the TLS client certificate to a caller by exact certificate match. No certificate gives
 * {@link Caller#ANONYMOUS}; an unknown certificate also gives anonymous on end-entity paths, while
 * {@link #requireUser} (agent and admin paths) fails with UNAUTHORIZED. Failures are audited (AUTH).
 */
public interface Authentication {
    Caller identify(Optional<Der> clientCertificate);

    Caller requireUser(Optional<Der> clientCertificate);
}
