package org.brevet.ca.api.store;

import java.util.Optional;
import org.brevet.ca.api.CertificateQuery;
import org.brevet.ca.api.CertificateRecord;
import org.brevet.ca.api.Page;
import org.brevet.pki.SerialNumber;

/** Issued certificates (read side; writes go through {@link IssuanceRepository}). */
public interface CertificateRepository {
    Optional<CertificateRecord> find(SerialNumber serial);

    /** Ordered by notAfter then serial, so paging is stable. */
    Page<CertificateRecord> search(CertificateQuery query);
}
