package org.brevet.ca.api.store;

import org.brevet.ca.api.CertificateRecord;
import org.brevet.ca.api.CertificateRequest;
import org.brevet.ca.api.RequestId;
import org.brevet.ca.api.RequestStatus;
import org.brevet.pki.Der;
import org.brevet.pki.SerialNumber;

/**
 * The durable steps of issuance (after Boulder): the serial and the to-be-signed certificate are recorded
 * before the CA key is used, and the signed certificate is committed before anyone sees it.
 */
public interface IssuanceRepository {
    /**
     * Records that {@code serial} is about to be signed for {@code requestId}, with the TBSCertificate.
     * CONFLICT if the serial was ever used (the caller draws another).
     */
    void recordIntent(SerialNumber serial, RequestId requestId, Der tbsCertificate);

    /**
     * In one transaction: stores the issued certificate and moves the request from {@code expected} to
     * {@code completed}. CONFLICT (and nothing stored) if the request is no longer in {@code expected}.
     */
    void storeIssued(CertificateRecord certificate, RequestStatus expected, CertificateRequest completed);

    /** Auto-approved path: insert the request already complete together with its certificate, in one transaction. */
    void storeIssuedWithNewRequest(CertificateRecord certificate, CertificateRequest completed);
}
