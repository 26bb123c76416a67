package org.brevet.ca;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.brevet.ca.api.AuditEvent;
import org.brevet.ca.api.AuditLog;
import org.brevet.ca.api.CrlDistribution;
import org.brevet.ca.api.OcspResponder;
import org.brevet.ca.api.Revocation;
import org.brevet.ca.api.store.CertificateRepository;
import org.brevet.ca.api.store.CrlRepository;
import org.brevet.ca.api.store.RevocationRepository;
import org.brevet.ca.audit.AuditEvents;
import org.brevet.ca.auth.RoleGate;
import org.brevet.ca.crl.CrlConfig;
import org.brevet.ca.crl.CrlGenerator;
import org.brevet.ca.crl.CrlService;
import org.brevet.ca.ocsp.OcspConfig;
import org.brevet.ca.ocsp.OcspResponderService;
import org.brevet.ca.ocsp.OcspSigning;
import org.brevet.pki.Certificate;
import org.brevet.pki.Der;

/**
 * Certificate status as the server sees it, built once next to {@link Authority}: revocation, the CRL
 * issuing point and the OCSP responder. Its repositories are passed apart from
 * {@link org.brevet.ca.api.store.Repositories} (the store implements them in the same database).
 */
public final class RevocationAuthority {
    private final Revocation revocation;
    private final CrlService crls;
    private final OcspResponder ocsp;

    private RevocationAuthority(Revocation revocation, CrlService crls, OcspResponder ocsp) {
        this.revocation = revocation;
        this.crls = crls;
        this.ocsp = ocsp;
    }

    /** Wires the services; audits OCSP_SIGNING_INFO with the certificate that signs OCSP responses. */
    public static RevocationAuthority create(CrlConfig crlConfig, OcspConfig ocspConfig, OcspSigning ocspSigning,
            CaIdentity identity, CertificateRepository certificates, RevocationRepository revocations, CrlRepository crlStore,
            AuditLog audit, Clock clock) {
        RoleGate gate = new RoleGate(audit);
        RevocationAuthority authority = new RevocationAuthority(
                new org.brevet.ca.revoke.RevocationService(certificates, revocations, gate, audit, clock),
                new CrlService(new CrlGenerator(crlConfig, identity, revocations, crlStore, audit, clock), crlStore, gate, clock),
                new OcspResponderService(identity.certificate(), ocspSigning, revocations, ocspConfig, clock));
        audit.append(signingInfo(ocspSigning.certificate()));
        return authority;
    }

    private static AuditEvent signingInfo(Certificate cert) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("SubjectDN", cert.subject().rfc4514());
        fields.put("CertSerialNum", cert.serial().toString());
        fields.put("SKI", cert.subjectKeyIdentifier().map(Der::toHex).orElse(""));
        return new AuditEvent(AuditEvents.OCSP_SIGNING_INFO, AuditEvents.SYSTEM, AuditEvent.Outcome.SUCCESS, fields);
    }

    public Revocation revocation() {
        return revocation;
    }

    public CrlDistribution crls() {
        return crls;
    }

    /** The scheduler's entry point: {@link CrlService#updateIfDue()}. */
    public CrlService crlSchedule() {
        return crls;
    }

    public OcspResponder ocsp() {
        return ocsp;
    }
}
