package org.brevet.ca.issue;

import java.util.List;
import org.brevet.ca.CaIdentity;
import org.brevet.ca.api.CertificateQuery;
import org.brevet.ca.api.CertificateRecord;
import org.brevet.ca.api.CertificateSearch;
import org.brevet.ca.api.Page;
import org.brevet.ca.api.store.CertificateRepository;
import org.brevet.pki.BrevetException;
import org.brevet.pki.Certificate;
import org.brevet.pki.Der;
import org.brevet.pki.SerialNumber;

/** Public read access to issued certificates and the CA chain. */
public final class CertificateSearchService implements CertificateSearch {
    private final CertificateRepository certificates;
    private final List<Der> chain;

    public CertificateSearchService(CertificateRepository certificates, CaIdentity ca) {
        this.certificates = certificates;
        this.chain = ca.chain().stream().map(Certificate::toDer).toList();
    }

    @Override
    public CertificateRecord get(SerialNumber serial) {
        return certificates.find(serial).orElseThrow(() -> BrevetException.notFound("no certificate with serial " + serial));
    }

    @Override
    public Page<CertificateRecord> search(CertificateQuery query) {
        return certificates.search(query);
    }

    @Override
    public List<Der> caChain() {
        return chain;
    }
}
