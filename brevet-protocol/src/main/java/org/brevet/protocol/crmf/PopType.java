package org.brevet.protocol.crmf;

/** The ProofOfPossession choice of a CertReqMsg (RFC 4211 §4). */
public enum PopType {
    /** No POP field: the CA must obtain proof another way (the CMC encrypted-POP round trip). */
    NONE,
    /** raVerified: a registration authority vouches; acceptable only when the CA trusts the sender as an RA. */
    RA_VERIFIED,
    /** signature: POPOSigningKey over the CertRequest (or POPOSigningKeyInput). */
    SIGNATURE,
    /** keyEncipherment: proof for an encryption-only key (thisMessage, subsequentMessage or dhMAC). */
    KEY_ENCIPHERMENT,
    /** keyAgreement. */
    KEY_AGREEMENT
}
