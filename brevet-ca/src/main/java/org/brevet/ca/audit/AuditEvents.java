package org.brevet.ca.audit;

/**
 * Audit event names. Dogtag's names where Dogtag has the event (so that tools reading Dogtag audit logs
 * recognise them), and one of Brevet's own for the record written just before the CA key is used.
 */
public final class AuditEvents {
    /** A certificate request was submitted under a profile (Dogtag PROFILE_CERT_REQUEST). */
    public static final String PROFILE_CERT_REQUEST = "PROFILE_CERT_REQUEST";
    /** A request was issued, rejected or canceled (Dogtag CERT_REQUEST_PROCESSED). */
    public static final String CERT_REQUEST_PROCESSED = "CERT_REQUEST_PROCESSED";
    /**
     * Brevet: the serial and TBSCertificate were recorded and the CA key is about to sign them (Boulder's
     * "Signing cert" record). Together with CERT_REQUEST_PROCESSED it brackets every use of the key.
     */
    public static final String CERT_SIGNING_INTENT = "CERT_SIGNING_INTENT";
    /** The CA signing certificate in use, written when the authority starts (Dogtag CERT_SIGNING_INFO). */
    public static final String CERT_SIGNING_INFO = "CERT_SIGNING_INFO";
    /** An agent enabled or disabled a profile (Dogtag CERT_PROFILE_APPROVAL). */
    public static final String CERT_PROFILE_APPROVAL = "CERT_PROFILE_APPROVAL";
    /** A profile was added or modified (Dogtag CONFIG_CERT_PROFILE). */
    public static final String CONFIG_CERT_PROFILE = "CONFIG_CERT_PROFILE";
    /** Users, roles and user certificates changed (Dogtag CONFIG_ROLE). */
    public static final String CONFIG_ROLE = "CONFIG_ROLE";
    /** Authentication (Dogtag AUTH); Brevet records failures. */
    public static final String AUTH = "AUTH";
    /** A caller used, or was refused, a role (Dogtag ROLE_ASSUME). */
    public static final String ROLE_ASSUME = "ROLE_ASSUME";
    /** A signature sealing the audit hash chain (Dogtag AUDIT_LOG_SIGNING); written by {@link FileAuditLog}. */
    public static final String AUDIT_LOG_SIGNING = AuditChain.SIGNING_EVENT;
    /** A caller asked to revoke, hold or release a certificate (Dogtag CERT_STATUS_CHANGE_REQUEST). */
    public static final String CERT_STATUS_CHANGE_REQUEST = "CERT_STATUS_CHANGE_REQUEST";
    /** A revocation, hold or release was carried out or refused (Dogtag CERT_STATUS_CHANGE_REQUEST_PROCESSED). */
    public static final String CERT_STATUS_CHANGE_REQUEST_PROCESSED = "CERT_STATUS_CHANGE_REQUEST_PROCESSED";
    /** A full CRL was generated (Dogtag FULL_CRL_GENERATION). */
    public static final String FULL_CRL_GENERATION = "FULL_CRL_GENERATION";
    /** A delta CRL was generated (Dogtag DELTA_CRL_GENERATION). */
    public static final String DELTA_CRL_GENERATION = "DELTA_CRL_GENERATION";
    /** The certificate that signs OCSP responses, written when the responder starts (Dogtag OCSP_SIGNING_INFO). */
    public static final String OCSP_SIGNING_INFO = "OCSP_SIGNING_INFO";
    /** The subject id of actions the authority takes on its own (installation, bootstrap). */
    public static final String SYSTEM = "$System$";

    private AuditEvents() {
    }
}
