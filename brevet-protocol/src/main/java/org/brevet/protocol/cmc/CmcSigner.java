package org.brevet.protocol.cmc;

import org.brevet.pki.Certificate;
import org.brevet.pki.Der;

/** Who signed a Full PKI Request, once the CMS signature has verified. */
public sealed interface CmcSigner {
    /** Signed with the key of a certificate carried in the SignedData (an agent's or the user's own). */
    record ByCertificate(Certificate certificate) implements CmcSigner {
    }

    /**
     * Signed with the key being certified (the signer is identified by subjectKeyIdentifier), as a first
     * enrollment with a shared secret is; identity must then come from identityProofV2.
     */
    record SelfSigned(long bodyPartId, Der subjectKeyIdentifier) implements CmcSigner {
    }
}
