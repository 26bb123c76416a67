package org.brevet.kra;

import java.security.PrivateKey;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.brevet.ca.api.ArchivedKey;
import org.brevet.ca.api.ArchivedKeyId;
import org.brevet.ca.api.AuditEvent;
import org.brevet.ca.api.AuditLog;
import org.brevet.ca.api.Caller;
import org.brevet.ca.api.CertificateRecord;
import org.brevet.ca.api.KeyRecovery;
import org.brevet.ca.api.KeyRequestId;
import org.brevet.ca.api.RecoveryRequest;
import org.brevet.ca.api.store.KeyRecoveryRepository;
import org.brevet.ca.api.store.KeyRepository;
import org.brevet.pki.BrevetException;
import org.brevet.pki.Der;
import org.brevet.pki.ErrorKind;
import org.brevet.pki.Pkcs12Store;
import org.brevet.pki.Secret;
import org.brevet.pki.SerialNumber;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Recovery (Dogtag's asynchronous key recovery): an agent asks, {@code requiredApprovals} distinct agents
 * approve (the requester may be one of them, counted once, as in Dogtag), and the requester alone retrieves
 * the key once, as a PKCS#12 with its certificate. Each step is audited; the key and the passphrase never are.
 */
final class KeyRecoveryService implements KeyRecovery {
    private static final Logger LOG = LoggerFactory.getLogger(KeyRecoveryService.class);

    private final KeyRepository keys;
    private final KeyRecoveryRepository recoveries;
    private final IssuedCertificates certificates;
    private final StorageUnit storage;
    private final AgentGate gate;
    private final int requiredApprovals;
    private final Clock clock;
    private final SecureRandom random;

    KeyRecoveryService(KraStores stores, IssuedCertificates certificates, StorageUnit storage, AgentGate gate,
            KraSettings settings) {
        this.keys = stores.keys();
        this.recoveries = stores.recoveries();
        this.certificates = certificates;
        this.storage = storage;
        this.gate = gate;
        this.requiredApprovals = settings.requiredApprovals();
        this.clock = settings.clock();
        this.random = settings.random();
    }

    @Override
    public List<ArchivedKey> findKeys(Caller agent, Optional<String> owner, int maxResults) {
        gate.requireAgent(agent, "find keys");
        return keys.search(owner, Math.max(1, Math.min(maxResults, 1000)));
    }

    @Override
    public ArchivedKey key(Caller agent, ArchivedKeyId id) {
        gate.requireAgent(agent, "show key " + id);
        return existing(id);
    }

    @Override
    public RecoveryRequest requestRecovery(Caller agent, ArchivedKeyId keyId) {
        gate.requireAgent(agent, "request recovery of key " + keyId);
        return open(agent, existing(keyId), Optional.empty());
    }

    @Override
    public RecoveryRequest requestRecovery(Caller agent, SerialNumber certificateSerial) {
        gate.requireAgent(agent, "request recovery of certificate " + certificateSerial);
        CertificateRecord cert = certificates.bySerial(certificateSerial)
                .orElseThrow(() -> BrevetException.notFound("no certificate " + certificateSerial));
        ArchivedKey key = keys.findByRequest(cert.requestId()).orElseThrow(() -> BrevetException.notFound(
                "no key was archived for certificate " + certificateSerial + " (request " + cert.requestId() + ")"));
        return open(agent, key, Optional.of(certificateSerial));
    }

    private RecoveryRequest open(Caller agent, ArchivedKey key, Optional<SerialNumber> serial) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("KeyID", key.id().toString());
        serial.ifPresent(s -> fields.put("CertSerialNum", s.toString()));
        if (key.status() != ArchivedKey.Status.ACTIVE) {
            fail(KraAuditEvents.RECOVERY_REQUEST, agent, fields, "key " + key.id() + " is inactive");
        }
        if (certificates.forRequest(key.requestId()).isEmpty()) {
            fail(KraAuditEvents.RECOVERY_REQUEST, agent, fields, "no certificate was issued for the request of key "
                    + key.id() + " (request " + key.requestId() + "), so there is nothing to recover it with");
        }
        Instant now = clock.instant();
        RecoveryRequest request = new RecoveryRequest(KeyRequestId.random(random), key.id(), agent.auditId(),
                RecoveryRequest.Status.PENDING, List.of(), requiredApprovals, now, now);
        fields.put("ReqID", request.id().toString());
        audit(KraAuditEvents.RECOVERY_REQUEST, agent, AuditEvent.Outcome.SUCCESS, fields);
        recoveries.insert(request);
        LOG.info("key request {} - {} asks for recovery of key {}", request.id(), agent.auditId(), key.id());
        return request;
    }

    @Override
    public RecoveryRequest approve(Caller agent, KeyRequestId id) {
        gate.requireAgent(agent, "approve key request " + id);
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("ReqID", id.toString());
        RecoveryRequest approved;
        try {
            approved = recoveries.approve(id, agent.auditId(), clock.instant());
        } catch (BrevetException e) {
            fields.put("FailureReason", e.detail());
            gate.audit().append(AuditEvent.failure(KraAuditEvents.RECOVERY_AGENT_LOGIN, agent, fields));
            throw e;
        }
        fields.put("KeyID", approved.keyId().toString());
        audit(KraAuditEvents.RECOVERY_AGENT_LOGIN, agent, AuditEvent.Outcome.SUCCESS, fields);
        if (approved.status() == RecoveryRequest.Status.APPROVED) {
            fields.put("ReqState", "approved");
            audit(KraAuditEvents.RECOVERY_REQUEST_STATE_CHANGE, agent, AuditEvent.Outcome.SUCCESS, fields);
        }
        LOG.info("key request {} - approved by {} ({} of {})", id, agent.auditId(), approved.approvers().size(),
                approved.requiredApprovals());
        return approved;
    }

    @Override
    public RecoveryRequest request(Caller agent, KeyRequestId id) {
        gate.requireAgent(agent, "show key request " + id);
        return existingRequest(id);
    }

    @Override
    public List<RecoveryRequest> requests(Caller agent, Optional<RecoveryRequest.Status> status, int maxResults) {
        gate.requireAgent(agent, "list key requests");
        return recoveries.search(status, Math.max(1, Math.min(maxResults, 1000)));
    }

    @Override
    public Der retrieve(Caller agent, KeyRequestId id, Secret passphrase) {
        gate.requireAgent(agent, "retrieve key request " + id);
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("ReqID", id.toString());
        RecoveryRequest request = existingRequest(id);
        fields.put("KeyID", request.keyId().toString());
        if (!request.requester().equals(agent.auditId())) {
            fail(ErrorKind.UNAUTHORIZED, agent, fields, "only " + request.requester()
                    + ", who asked for key request " + id + ", may retrieve it");
        }
        if (request.status() != RecoveryRequest.Status.APPROVED) {
            fail(ErrorKind.CONFLICT, agent, fields, request.status() == RecoveryRequest.Status.PENDING
                    ? "key request " + id + " has " + request.approvers().size() + " of the "
                            + request.requiredApprovals() + " approvals it needs"
                    : "key request " + id + " was already retrieved");
        }
        if (passphrase.isEmpty()) {
            throw BrevetException.malformed("passphrase: required", null);
        }
        ArchivedKey key = existing(request.keyId());
        CertificateRecord cert = certificates.forRequest(key.requestId()).orElseThrow(() ->
                new BrevetException(ErrorKind.CONFLICT, "no certificate was issued for the request of key " + key.id()));
        PrivateKey privateKey = storage.unwrap(keys.wrappedPrivateKey(key.id()).orElseThrow());
        byte[] pkcs12 = Pkcs12Store.empty()
                .withKey(key.owner(), privateKey, certificates.chainOf(cert))
                .encode(passphrase, random);
        if (!recoveries.complete(id, clock.instant())) {
            fail(ErrorKind.CONFLICT, agent, fields, "key request " + id + " was retrieved concurrently");
        }
        audit(KraAuditEvents.RECOVERY_REQUEST_PROCESSED, agent, AuditEvent.Outcome.SUCCESS, fields);
        LOG.info("key request {} - key {} retrieved by {}", id, key.id(), agent.auditId());
        return Der.of(pkcs12);
    }

    private ArchivedKey existing(ArchivedKeyId id) {
        return keys.find(id).orElseThrow(() -> BrevetException.notFound("no key " + id));
    }

    private RecoveryRequest existingRequest(KeyRequestId id) {
        return recoveries.find(id).orElseThrow(() -> BrevetException.notFound("no key request " + id));
    }

    private void fail(String event, Caller agent, Map<String, String> fields, String detail) {
        fields.put("FailureReason", detail);
        audit(event, agent, AuditEvent.Outcome.FAILURE, fields);
        throw new BrevetException(ErrorKind.CONFLICT, detail);
    }

    private void fail(ErrorKind kind, Caller agent, Map<String, String> fields, String detail) {
        fields.put("FailureReason", detail);
        audit(KraAuditEvents.RECOVERY_REQUEST_PROCESSED, agent, AuditEvent.Outcome.FAILURE, fields);
        throw new BrevetException(kind, detail);
    }

    private void audit(String event, Caller agent, AuditEvent.Outcome outcome, Map<String, String> fields) {
        gate.audit().append(new AuditEvent(event, agent.auditId(), outcome, fields));
    }
}
