package org.brevet.ca.issue;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.brevet.ca.AuthorityConfig;
import org.brevet.ca.CaIdentity;
import org.brevet.ca.api.AuditEvent;
import org.brevet.ca.api.AuditLog;
import org.brevet.ca.api.CertificateRecord;
import org.brevet.ca.api.CertificateRequest;
import org.brevet.ca.api.EnrollmentResult;
import org.brevet.ca.api.RequestId;
import org.brevet.ca.api.RequestStatus;
import org.brevet.ca.api.store.IssuanceRepository;
import org.brevet.ca.audit.AuditEvents;
import org.brevet.ca.profile.CertificateDraft;
import org.brevet.pki.BrevetException;
import org.brevet.pki.Certificate;
import org.brevet.pki.Der;
import org.brevet.pki.ErrorKind;
import org.brevet.pki.SerialNumber;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Issues certificates in Boulder's order: (the profile has checked the request) → build the
 * TBSCertificate → record serial and TBSCertificate ({@link IssuanceRepository#recordIntent}, a new random
 * serial on CONFLICT) → audit → sign → store the certificate and complete the request in one transaction
 * → audit CERT_REQUEST_PROCESSED. Nothing is signed when the intent cannot be recorded or audited; nothing
 * is returned before the certificate is committed. Thread-safe.
 *
 * <p>The record written before signing is CERT_SIGNING_INTENT for a stored request an agent approves. For
 * a request issued at once it is the request's own PROFILE_CERT_REQUEST record, carrying the serial: one
 * forced audit write fewer on the path that is benchmarked, and still written before the key is used.
 */
public final class CertificateIssuer {
    private static final Logger LOG = LoggerFactory.getLogger(CertificateIssuer.class);
    static final int SERIAL_ATTEMPTS = 5;

    private final CertificateAssembler assembler;
    private final String issuerName;
    private final IssuanceRepository issuance;
    private final AuditLog audit;
    private final Clock clock;
    private final SecureRandom random;

    public CertificateIssuer(CaIdentity ca, AuthorityConfig urls, IssuanceRepository issuance, AuditLog audit,
            Clock clock, SecureRandom random) {
        this.assembler = new CertificateAssembler(ca, urls);
        this.issuerName = ca.certificate().subject().rfc4514();
        this.issuance = issuance;
        this.audit = audit;
        this.clock = clock;
        this.random = random;
    }

    /**
     * Issues for a request not stored yet (approved at once, or a system certificate) and stores the
     * request already complete together with the certificate.
     *
     * @param request  the request as it would be stored while pending; it is stored COMPLETE
     * @param actor    the audit subject id of whoever asked (a user id, {@code $Unidentified$}, {@code $System$})
     * @param reviewer the user recorded as having approved it (the submitting agent), if any
     */
    public EnrollmentResult issueNew(CertificateDraft draft, CertificateRequest request, String actor,
            Optional<String> reviewer) {
        Instant now = clock.instant();
        CertificateRecord record = sign(draft, request, actor, now, AuditEvents.PROFILE_CERT_REQUEST);
        CertificateRequest completed = request.completed(record.serial(), reviewer, now);
        issuance.storeIssuedWithNewRequest(record, completed);
        auditIssued(record, actor);
        return new EnrollmentResult(completed, Optional.of(record));
    }

    /** Issues for a stored PENDING request; CONFLICT (nothing stored) if another agent closed it meanwhile. */
    public EnrollmentResult issuePending(CertificateDraft draft, CertificateRequest pending, String agent) {
        Instant now = clock.instant();
        CertificateRecord record = sign(draft, pending, agent, now, AuditEvents.CERT_SIGNING_INTENT);
        CertificateRequest completed = pending.completed(record.serial(), Optional.of(agent), now);
        issuance.storeIssued(record, RequestStatus.PENDING, completed);
        auditIssued(record, agent);
        return new EnrollmentResult(completed, Optional.of(record));
    }

    private CertificateRecord sign(CertificateDraft draft, CertificateRequest request, String actor, Instant now,
            String intentEvent) {
        for (int attempt = 1; ; attempt++) {
            SerialNumber serial = SerialNumber.random(random);
            try {
                Certificate cert = assembler.sign(draft, serial, now, tbs -> recordIntent(serial, request, actor, tbs, intentEvent));
                return new CertificateRecord(serial, cert.subject().rfc4514(), issuerName, cert.notBefore(),
                        cert.notAfter(), cert.toDer(), request.id(), request.profileId(), now, Optional.empty());
            } catch (SerialTaken e) {
                LOG.warn("serial {} was already used; drawing another (attempt {} of {})", serial, attempt, SERIAL_ATTEMPTS);
                if (attempt == SERIAL_ATTEMPTS) {
                    throw new BrevetException(ErrorKind.INTERNAL,
                            "could not find an unused serial number in " + SERIAL_ATTEMPTS + " attempts", e.getCause());
                }
            }
        }
    }

    private void recordIntent(SerialNumber serial, CertificateRequest request, String actor, Der tbs, String event) {
        try {
            issuance.recordIntent(serial, request.id(), tbs);
        } catch (BrevetException e) {
            if (e.kind() == ErrorKind.CONFLICT) {
                throw new SerialTaken(e);
            }
            throw e;
        }
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("ReqID", request.id().toString());
        fields.put("ProfileID", request.profileId());
        fields.put("SubjectDN", request.requestedSubject());
        fields.put("Approval", event.equals(AuditEvents.PROFILE_CERT_REQUEST) ? "immediate" : "agent");
        fields.put("CertSerialNum", serial.toString());
        fields.put("TbsLength", Integer.toString(tbs.length()));
        audit.append(new AuditEvent(event, actor, AuditEvent.Outcome.SUCCESS, fields));
    }

    private void auditIssued(CertificateRecord record, String actor) {
        LOG.debug("certificate {} issued for request {} ({}) to {}", record.serial(), record.requestId(),
                record.profileId(), record.subject());
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("ReqID", record.requestId().toString());
        fields.put("ProfileID", record.profileId());
        fields.put("CertSerialNum", record.serial().toString());
        fields.put("SubjectDN", record.subject());
        fields.put("InfoName", "certificate issued");
        audit.append(new AuditEvent(AuditEvents.CERT_REQUEST_PROCESSED, actor, AuditEvent.Outcome.SUCCESS, fields));
    }

    /** The drawn serial was used before: draw again. */
    private static final class SerialTaken extends RuntimeException {
        SerialTaken(BrevetException cause) {
            super(cause.detail(), cause, false, false);
        }
    }
}
