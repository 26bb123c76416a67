package org.brevet.ca.api;

import java.util.List;
import java.util.Optional;
import org.brevet.pki.Der;
import org.brevet.pki.Secret;
import org.brevet.pki.SerialNumber;

/**
 * Key recovery as agents see it (the KRA, module brevet-kra; Dogtag's /kra/rest/agent/keys and keyrequests).
 * Every method needs the AGENT role (UNAUTHORIZED otherwise). An agent asks for recovery of a key, by key id
 * or by the serial of the certificate issued for it; {@code kra.recovery.approvals} distinct agents approve
 * (the requester may be one of them); the requester, and only the requester, retrieves the key once as a
 * PKCS#12 protected by a passphrase of their choice.
 */
public interface KeyRecovery {
    /** Archived keys, newest first, optionally of one owner (substring of the subject DN, case-insensitive). */
    List<ArchivedKey> findKeys(Caller agent, Optional<String> owner, int maxResults);

    /** NOT_FOUND if there is no such key. */
    ArchivedKey key(Caller agent, ArchivedKeyId id);

    /** Asks for recovery of a key; NOT_FOUND if there is no such key, CONFLICT if it is inactive. */
    RecoveryRequest requestRecovery(Caller agent, ArchivedKeyId keyId);

    /** Asks for recovery of the key archived for the certificate's request; NOT_FOUND if there is none. */
    RecoveryRequest requestRecovery(Caller agent, SerialNumber certificateSerial);

    /** One agent's approval; CONFLICT if this agent already approved or the request is not pending. */
    RecoveryRequest approve(Caller agent, KeyRequestId id);

    RecoveryRequest request(Caller agent, KeyRequestId id);

    /** Recovery requests, newest first, optionally in one state. */
    List<RecoveryRequest> requests(Caller agent, Optional<RecoveryRequest.Status> status, int maxResults);

    /**
     * The key and its certificate as a PKCS#12 (AES-256-CBC, PBKDF2) under {@code passphrase}. UNAUTHORIZED
     * for anyone but the requester, CONFLICT while approvals are missing or once retrieved.
     */
    Der retrieve(Caller agent, KeyRequestId id, Secret passphrase);
}
