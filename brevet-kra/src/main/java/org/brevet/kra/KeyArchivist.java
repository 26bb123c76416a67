package org.brevet.kra;

import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.brevet.ca.api.ArchivedKey;
import org.brevet.ca.api.ArchivedKeyId;
import org.brevet.ca.api.AuditEvent;
import org.brevet.ca.api.AuditLog;
import org.brevet.ca.api.KeyArchivalRequest;
import org.brevet.ca.api.KeyArchive;
import org.brevet.ca.api.store.KeyRepository;
import org.brevet.pki.BrevetException;
import org.brevet.pki.Der;
import org.brevet.pki.ErrorKind;
import org.brevet.pki.KeySpec;
import org.brevet.pki.Pkcs12Store;
import org.brevet.pki.PublicKeys;
import org.brevet.protocol.crmf.ArchiveOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Archival (Dogtag's EnrollmentService): audit the request, unwrap the key with the transport key, check it
 * is the private half of the public key being certified, rewrap it under the storage key, store record and
 * envelope in one write, audit the outcome. Any failure is audited and stores nothing.
 */
final class KeyArchivist implements KeyArchive {
    private static final Logger LOG = LoggerFactory.getLogger(KeyArchivist.class);

    private final Pkcs12Store.KeyEntry transport;
    private final StorageUnit storage;
    private final KeyRepository keys;
    private final AuditLog audit;
    private final Clock clock;
    private final SecureRandom random;

    KeyArchivist(Pkcs12Store.KeyEntry transport, StorageUnit storage, KeyRepository keys, AuditLog audit, Clock clock,
            SecureRandom random) {
        this.transport = transport;
        this.storage = storage;
        this.keys = keys;
        this.audit = audit;
        this.clock = clock;
        this.random = random;
    }

    @Override
    public ArchivedKeyId archive(KeyArchivalRequest request) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("ReqID", request.requestId().toString());
        fields.put("Owner", request.owner());
        audit.append(event(KraAuditEvents.ARCHIVAL_REQUEST, AuditEvent.Outcome.SUCCESS, fields));
        try {
            ArchivedKeyId id = store(request);
            fields.put("KeyID", id.toString());
            audit.append(event(KraAuditEvents.ARCHIVAL_REQUEST_PROCESSED, AuditEvent.Outcome.SUCCESS, fields));
            LOG.info("key {} archived for request {} ({})", id, request.requestId(), request.owner());
            return id;
        } catch (BrevetException e) {
            fields.put("FailureReason", e.detail());
            audit.append(event(KraAuditEvents.ARCHIVAL_REQUEST_PROCESSED, AuditEvent.Outcome.FAILURE, fields));
            LOG.info("archival for request {} refused: {}", request.requestId(), e.detail());
            throw e;
        }
    }

    private ArchivedKeyId store(KeyArchivalRequest request) {
        PublicKey publicKey = PublicKeys.fromDer(request.subjectPublicKeyInfo());
        PrivateKey privateKey = ArchiveOptions.parse(request.archiveOptions()).unwrap(transport.privateKey());
        if (!KeyPairMatch.matches(privateKey, publicKey)) {
            throw new BrevetException(ErrorKind.BAD_POP,
                    "the archived private key does not match the public key of request " + request.requestId());
        }
        KeySpec spec = KeySpec.of(publicKey);
        ArchivedKey key = new ArchivedKey(ArchivedKeyId.random(random), request.requestId(), request.owner(),
                PublicKeys.toDer(publicKey), spec.algorithm().name(), spec.size(), ArchivedKey.Status.ACTIVE,
                clock.instant(), KraAuditEvents.SYSTEM);
        keys.insert(key, storage.wrap(privateKey));
        return key.id();
    }

    @Override
    public Der transportCertificate() {
        return transport.certificate().toDer();
    }

    private static AuditEvent event(String name, AuditEvent.Outcome outcome, Map<String, String> fields) {
        return new AuditEvent(name, KraAuditEvents.SYSTEM, outcome, fields);
    }
}
