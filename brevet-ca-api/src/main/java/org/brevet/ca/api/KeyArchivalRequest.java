package org.brevet.ca.api;

import java.util.Objects;
import org.brevet.pki.Der;

/**
 * One private key to archive.
 *
 * @param requestId            the certificate request the key belongs to (recovery by certificate goes through it)
 * @param archiveOptions       the DER of the CRMF control id-regCtrl-pkiArchiveOptions (RFC 4211 §6.4)
 * @param subjectPublicKeyInfo the DER of the public key being certified
 * @param owner                the subject DN being certified (RFC 4514), for search and audit
 */
public record KeyArchivalRequest(RequestId requestId, Der archiveOptions, Der subjectPublicKeyInfo, String owner) {
    public KeyArchivalRequest {
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(archiveOptions, "archiveOptions");
        Objects.requireNonNull(subjectPublicKeyInfo, "subjectPublicKeyInfo");
        Objects.requireNonNull(owner, "owner");
    }
}
