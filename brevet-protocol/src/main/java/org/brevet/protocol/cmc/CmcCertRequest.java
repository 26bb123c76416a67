package org.brevet.protocol.cmc;

import java.security.PublicKey;
import java.util.Optional;
import org.brevet.pki.Der;
import org.brevet.pki.DistinguishedName;

/** One certification request of a PKIData's reqSequence: a PKCS#10 or a CRMF message. */
public sealed interface CmcCertRequest permits Pkcs10CmcRequest, CrmfCmcRequest {
    /** The bodyPartID (PKCS#10) or certReqId (CRMF) that statuses and pendInfo refer to. */
    long bodyPartId();

    /** The subject asked for; empty when the CRMF template has none. */
    Optional<DistinguishedName> subject();

    PublicKey publicKey();

    /** The subjectKeyIdentifier extension the requester asked for, if any. */
    Optional<Der> requestedSubjectKeyIdentifier();

    /** The popLinkWitnessV2 attribute (PKCS#10) or control (CRMF), if any. */
    Optional<PopLinkWitness> popLinkWitness();

    /** Verifies the proof of possession; BrevetException BAD_POP when it fails or there is none to check. */
    void verifyPop();

    /** "pkcs10" or "crmf". */
    String format();
}
