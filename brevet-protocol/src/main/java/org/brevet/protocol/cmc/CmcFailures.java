package org.brevet.protocol.cmc;

import org.brevet.pki.ErrorKind;

/**
 * How a transport-neutral failure becomes a CMC failInfo (RFC 5272 §6.1.4), so that every refusal of a
 * CMC request is a CMCStatusInfoV2 {failed, failInfo} rather than an HTTP error.
 */
public final class CmcFailures {
    private CmcFailures() {
    }

    public static CmcFailInfo failInfo(ErrorKind kind) {
        return switch (kind) {
            case MALFORMED, UNKNOWN_PROFILE, REJECTED_BY_POLICY, CONFLICT, ALREADY_REVOKED -> CmcFailInfo.BAD_REQUEST;
            case BAD_SIGNATURE -> CmcFailInfo.BAD_MESSAGE_CHECK;
            case BAD_POP -> CmcFailInfo.POP_FAILED;
            case UNAUTHORIZED -> CmcFailInfo.BAD_IDENTITY;
            case NOT_FOUND -> CmcFailInfo.BAD_CERT_ID;
            case UNAVAILABLE -> CmcFailInfo.TRY_LATER;
            case INTERNAL -> CmcFailInfo.INTERNAL_CA_ERROR;
        };
    }
}
