package org.brevet.ca.api;

import org.brevet.pki.Der;

/**
 * Key archival as the enrollment use cases see it (the KRA, module brevet-kra). Enrollment over CMC or
 * REST calls {@link #archive} before it issues a certificate whose request carries PKIArchiveOptions; when
 * archival fails, nothing is issued.
 */
public interface KeyArchive {
    /**
     * Unwraps the private key carried by the CRMF PKIArchiveOptions (wrapped under a session key that is
     * itself wrapped to the KRA transport key), checks that it matches the public key being certified,
     * rewraps it under the storage key and stores it, durably, for this request. Fails with MALFORMED
     * (unparseable options, unsupported wrapping), BAD_POP (the key is not the one being certified, or it
     * was wrapped to another transport key) or UNAVAILABLE, and then stores nothing.
     */
    ArchivedKeyId archive(KeyArchivalRequest request);

    /** The KRA transport certificate (DER) that clients wrap private keys to. */
    Der transportCertificate();
}
