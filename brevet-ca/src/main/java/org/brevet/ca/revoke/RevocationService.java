package org.brevet.ca.revoke;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.brevet.ca.api.AuditEvent;
import org.brevet.ca.api.AuditLog;
import org.brevet.ca.api.Caller;
import org.brevet.ca.api.CertificateRecord;
import org.brevet.ca.api.Requester;
import org.brevet.ca.api.Revocation;
import org.brevet.ca.api.RevocationRecord;
import org.brevet.ca.api.RevocationRequest;
import org.brevet.ca.api.Role;
import org.brevet.ca.api.store.CertificateRepository;
import org.brevet.ca.api.store.RevocationRepository;
import org.brevet.ca.audit.AuditEvents;
import org.brevet.ca.auth.RoleGate;
import org.brevet.pki.BrevetException;
import org.brevet.pki.ErrorKind;
import org.brevet.pki.RevocationReason;
import org.brevet.pki.SerialNumber;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Revokes, holds and releases certificates. The request is audited (CERT_STATUS_CHANGE_REQUEST) before
 * anything is checked, the outcome (CERT_STATUS_CHANGE_REQUEST_PROCESSED, Success or Failure) after the
 * store has committed. The store decides races (two agents revoking at once: one gets ALREADY_REVOKED).
 * A caller who is not an agent learns nothing about serials it does not hold (UNAUTHORIZED, not
 * NOT_FOUND). Thread-safe.
 */
public final class RevocationService implements Revocation {
    private static final Logger LOG = LoggerFactory.getLogger(RevocationService.class);
    static final String HOLDER = "$Holder$";

    private final CertificateRepository certificates;
    private final RevocationRepository revocations;
    private final RoleGate gate;
    private final AuditLog audit;
    private final Clock clock;

    public RevocationService(CertificateRepository certificates, RevocationRepository revocations, RoleGate gate,
            AuditLog audit, Clock clock) {
        this.certificates = certificates;
        this.revocations = revocations;
        this.gate = gate;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public RevocationRecord revoke(Requester requester, RevocationRequest request) {
        Caller caller = requester.caller();
        Map<String, String> fields = fields(request.serial(), request.reason() == RevocationReason.CERTIFICATE_HOLD ? "on-hold" : "revoke");
        fields.put("RevokeReasonNum", String.valueOf(request.reason().code()));
        fields.put("RevokeReason", request.reason().rfcName());
        request.invalidityDate().ifPresent(d -> fields.put("InvalidityDate", d.toString()));
        request.comment().ifPresent(c -> fields.put("Comment", c));
        audit.append(AuditEvent.success(AuditEvents.CERT_STATUS_CHANGE_REQUEST, caller, fields));
        try {
            Instant now = clock.instant();
            validate(request, now);
            CertificateRecord certificate = authorize(requester, request);
            Optional<RevocationRecord> existing = revocations.find(request.serial());
            if (existing.isPresent()) {
                throw alreadyRevoked(existing.get());
            }
            RevocationRecord record = new RevocationRecord(request.serial(), request.reason(), now,
                    request.invalidityDate(), revokedBy(caller), request.comment(), certificate.notAfter());
            revocations.revoke(record);
            audit.append(AuditEvent.success(AuditEvents.CERT_STATUS_CHANGE_REQUEST_PROCESSED, caller, fields));
            LOG.info("certificate {} {} by {} ({})", request.serial(),
                    record.onHold() ? "put on hold" : "revoked", record.revokedBy(), request.reason().rfcName());
            return record;
        } catch (BrevetException e) {
            if (e.kind() != ErrorKind.UNAVAILABLE) {
                refused(caller, fields, e);
            }
            throw e;
        }
    }

    @Override
    public RevocationRecord releaseHold(Caller agent, SerialNumber serial, Optional<String> comment) {
        Map<String, String> fields = fields(serial, "off-hold");
        comment.map(String::strip).filter(c -> !c.isEmpty()).ifPresent(c -> fields.put("Comment", c));
        audit.append(AuditEvent.success(AuditEvents.CERT_STATUS_CHANGE_REQUEST, agent, fields));
        try {
            gate.require(agent, "release a certificate from hold", Role.AGENT);
            certificate(serial);
            Optional<RevocationRecord> released = revocations.release(serial, clock.instant());
            if (released.isEmpty()) {
                Optional<RevocationRecord> current = revocations.find(serial);
                throw new BrevetException(ErrorKind.CONFLICT, current
                        .map(r -> "certificate " + serial + " is revoked (" + r.reason().rfcName()
                                + "), not on hold; only certificateHold can be released")
                        .orElse("certificate " + serial + " is not on hold"));
            }
            audit.append(AuditEvent.success(AuditEvents.CERT_STATUS_CHANGE_REQUEST_PROCESSED, agent, fields));
            LOG.info("certificate {} released from hold by {}", serial, agent.auditId());
            return released.get();
        } catch (BrevetException e) {
            if (e.kind() != ErrorKind.UNAVAILABLE) {
                refused(agent, fields, e);
            }
            throw e;
        }
    }

    @Override
    public Optional<RevocationRecord> find(SerialNumber serial) {
        certificate(serial);
        return revocations.find(serial);
    }

    private static void validate(RevocationRequest request, Instant now) {
        if (request.reason() == RevocationReason.REMOVE_FROM_CRL) {
            throw new BrevetException(ErrorKind.MALFORMED,
                    "removeFromCRL is not a revocation reason; release the hold instead");
        }
        if (request.invalidityDate().filter(d -> d.isAfter(now)).isPresent()) {
            throw new BrevetException(ErrorKind.MALFORMED, "the invalidity date " + request.invalidityDate().get()
                    + " is in the future");
        }
    }

    /** Agents may revoke anything; the holder (presenting the certificate over TLS) its own, but not hold it. */
    private CertificateRecord authorize(Requester requester, RevocationRequest request) {
        Caller caller = requester.caller();
        if (caller.hasRole(Role.AGENT)) {
            gate.require(caller, "revoke a certificate", Role.AGENT);
            return certificate(request.serial());
        }
        Optional<CertificateRecord> certificate = certificates.find(request.serial());
        if (certificate.isPresent() && requester.presents(certificate.get().der())) {
            if (request.reason() == RevocationReason.CERTIFICATE_HOLD) {
                throw new BrevetException(ErrorKind.UNAUTHORIZED,
                        "only an agent can put a certificate on hold; the holder may revoke it");
            }
            return certificate.get();
        }
        gate.require(caller, "revoke a certificate that is not the caller's own client certificate", Role.AGENT);
        throw new IllegalStateException("unreachable: the gate refuses callers without the agent role");
    }

    private CertificateRecord certificate(SerialNumber serial) {
        return certificates.find(serial)
                .orElseThrow(() -> BrevetException.notFound("no certificate with serial " + serial));
    }

    private static BrevetException alreadyRevoked(RevocationRecord r) {
        return new BrevetException(ErrorKind.ALREADY_REVOKED, "certificate " + r.serial() + " is already "
                + (r.onHold() ? "on hold" : "revoked (" + r.reason().rfcName() + ")") + " since " + r.revokedAt());
    }

    private static String revokedBy(Caller caller) {
        return caller.isAnonymous() ? HOLDER : caller.auditId();
    }

    private static Map<String, String> fields(SerialNumber serial, String type) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("CertSerialNum", serial.toString());
        fields.put("RequestType", type);
        return fields;
    }

    private void refused(Caller caller, Map<String, String> fields, BrevetException e) {
        Map<String, String> failed = new LinkedHashMap<>(fields);
        failed.put("Info", e.kind().name().toLowerCase(java.util.Locale.ROOT) + ": " + e.detail());
        audit.append(AuditEvent.failure(AuditEvents.CERT_STATUS_CHANGE_REQUEST_PROCESSED, caller, failed));
    }
}
