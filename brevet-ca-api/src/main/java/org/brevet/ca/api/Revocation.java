package org.brevet.ca.api;

import java.util.Optional;
import org.brevet.pki.SerialNumber;

/**
 * Revoking, holding and releasing certificates (Dogtag's revocation and "off hold"). Every change is
 * committed to the store before the call returns, so CRL generation and OCSP on every node see it, and
 * audited as CERT_STATUS_CHANGE_REQUEST and CERT_STATUS_CHANGE_REQUEST_PROCESSED.
 */
public interface Revocation {
    /**
     * Revokes (or holds, with reason certificateHold). Allowed to an AGENT for any certificate, and to the
     * holder of the certificate (the requester presents it as TLS client certificate) for its own, with
     * any reason but certificateHold. NOT_FOUND for an unknown serial, ALREADY_REVOKED when it is revoked
     * (or on hold), MALFORMED for reason removeFromCRL or an invalidity date in the future, UNAUTHORIZED
     * otherwise.
     */
    RevocationRecord revoke(Requester requester, RevocationRequest request);

    /**
     * Takes a certificate off hold (AGENT only). NOT_FOUND for an unknown serial; CONFLICT when the
     * certificate is not on hold (good, or revoked for another reason, which is final).
     */
    RevocationRecord releaseHold(Caller agent, SerialNumber serial, Optional<String> comment);

    /** The current revocation of a certificate, if any; NOT_FOUND for an unknown serial. Open to anyone (as OCSP is). */
    Optional<RevocationRecord> find(SerialNumber serial);
}
