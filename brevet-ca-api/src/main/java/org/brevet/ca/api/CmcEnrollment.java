package org.brevet.ca.api;

import java.util.Optional;
import org.brevet.pki.Der;

/**
 * Enrollment over CMC (RFC 5272/5273) as Dogtag's servlets take it: the request bytes in, a CMC response
 * signed by the CA out. Bad input never throws: it is answered in-band with a CMCStatusInfoV2 failure.
 */
public interface CmcEnrollment {
    /**
     * {@code profileSubmitCMCFull} (Dogtag's CMCAuth): a Full PKI Request signed by an agent, whose
     * PKCS#10 requests are issued at once under {@code profileId}.
     */
    Der agentSigned(byte[] request, Optional<String> profileId);
}
