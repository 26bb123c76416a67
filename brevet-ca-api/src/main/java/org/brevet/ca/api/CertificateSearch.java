package org.brevet.ca.api;

import java.util.List;
import org.brevet.pki.Der;
import org.brevet.pki.SerialNumber;

/** Public read access to issued certificates and the CA chain. */
public interface CertificateSearch {
    /** NOT_FOUND if no such certificate. */
    CertificateRecord get(SerialNumber serial);

    Page<CertificateRecord> search(CertificateQuery query);

    /** The CA certificate first, then its issuers up to the root (DER). */
    List<Der> caChain();
}
