package org.brevet.protocol.cmc;

import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import org.brevet.pki.Der;

/**
 * The controls of a PKIData, the known ones decoded. Unknown controls stay in {@link #all()} only;
 * the authority decides whether it may ignore them.
 */
public record CmcControls(List<CmcControl> all, Optional<String> identification, Optional<IdentityProof> identityProofV2,
        Optional<Der> popLinkRandom, Optional<Der> senderNonce, Optional<BigInteger> transactionId,
        Optional<Der> dataReturn, Optional<GetCertControl> getCert, Optional<RevokeRequestControl> revokeRequest,
        Optional<Der> regInfo, Optional<Der> responseInfo, Optional<DecryptedPop> decryptedPop) {
    public CmcControls {
        all = List.copyOf(all);
    }

    /** Whether a control of this type (dotted OID) is present. */
    public boolean has(String oid) {
        return all.stream().anyMatch(c -> c.oid().equals(oid));
    }
}
