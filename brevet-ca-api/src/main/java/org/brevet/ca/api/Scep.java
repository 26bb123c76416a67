package org.brevet.ca.api;

import java.time.Duration;
import java.util.Optional;
import org.brevet.pki.Der;
import org.brevet.pki.DistinguishedName;

/** The SCEP server (RFC 8894, docs/SCEP.md), as the HTTP adapter calls it. */
public interface Scep {
    /** GetCACaps: one capability a line. */
    String capabilities();

    /** GetCACert: the RA certificate and the CA chain as a degenerate certs-only PKCS#7 (DER). */
    Der caCertificates();

    /**
     * PKIOperation: answers a pkiMessage with a CertRep (DER), SUCCESS, FAILURE or PENDING. A body that is
     * not a pkiMessage at all fails with MALFORMED (no reply can name its transaction).
     *
     * @param profileId the profile named in the path, else the configured one
     */
    Der pkiOperation(Optional<String> profileId, Der message);

    /** Creates a one-time challenge password (agents only, UNAUTHORIZED otherwise). */
    ScepChallenge createChallenge(Caller caller, Optional<DistinguishedName> subject, Duration validFor);
}
