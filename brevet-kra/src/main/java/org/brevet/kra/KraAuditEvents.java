package org.brevet.kra;

/** Audit event names of the KRA, Dogtag's (so that tools reading Dogtag audit logs recognise them). */
final class KraAuditEvents {
    /** A private key was submitted for archival (before anything is unwrapped). */
    static final String ARCHIVAL_REQUEST = "SECURITY_DATA_ARCHIVAL_REQUEST";
    /** The archival was stored, or refused with a FailureReason. */
    static final String ARCHIVAL_REQUEST_PROCESSED = "SECURITY_DATA_ARCHIVAL_REQUEST_PROCESSED";
    /** An agent asked for recovery of a key. */
    static final String RECOVERY_REQUEST = "SECURITY_DATA_RECOVERY_REQUEST";
    /** An agent approved (or was refused approving) a recovery request. */
    static final String RECOVERY_AGENT_LOGIN = "KEY_RECOVERY_AGENT_LOGIN";
    /** A recovery request changed state (pending → approved). */
    static final String RECOVERY_REQUEST_STATE_CHANGE = "SECURITY_DATA_RECOVERY_REQUEST_STATE_CHANGE";
    /** The requester retrieved the key, or was refused. */
    static final String RECOVERY_REQUEST_PROCESSED = "SECURITY_DATA_RECOVERY_REQUEST_PROCESSED";
    /** A caller without the agent role was refused (Dogtag ROLE_ASSUME). */
    static final String ROLE_ASSUME = "ROLE_ASSUME";
    /** The subject id of archival during enrollment (the authority acting on its own). */
    static final String SYSTEM = "$System$";

    private KraAuditEvents() {
    }
}
