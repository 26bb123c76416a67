package org.brevet.kra;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.brevet.ca.api.CertificateRecord;
import org.brevet.ca.api.CertificateRequest;
import org.brevet.ca.api.RequestId;
import org.brevet.ca.api.store.CertificateRepository;
import org.brevet.ca.api.store.RequestRepository;
import org.brevet.pki.Certificate;
import org.brevet.pki.SerialNumber;

/**
 * The CA's certificates as the KRA needs them: by serial (recovery by certificate), by request (the
 * certificate of an archived key) and with the CA chain (for the recovered PKCS#12).
 */
public final class IssuedCertificates {
    private final RequestRepository requests;
    private final CertificateRepository certificates;
    private final List<Certificate> caChain;

    public IssuedCertificates(RequestRepository requests, CertificateRepository certificates, List<Certificate> caChain) {
        this.requests = Objects.requireNonNull(requests, "requests");
        this.certificates = Objects.requireNonNull(certificates, "certificates");
        this.caChain = List.copyOf(caChain);
    }

    Optional<CertificateRecord> bySerial(SerialNumber serial) {
        return certificates.find(serial);
    }

    Optional<CertificateRecord> forRequest(RequestId requestId) {
        return requests.find(requestId).flatMap(CertificateRequest::serial).flatMap(certificates::find);
    }

    /** The certificate then the CA chain, end-entity first. */
    List<Certificate> chainOf(CertificateRecord record) {
        List<Certificate> chain = new ArrayList<>();
        chain.add(Certificate.fromDer(record.der()));
        chain.addAll(caChain);
        return chain;
    }
}
