package org.brevet.protocol.cmc;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A CMCStatusInfoV2 (RFC 5272 §6.1.1): the status of the body parts listed, with failInfo when failed and
 * pendInfo when pending.
 */
public record CmcStatusInfo(CmcStatus status, List<Long> bodyList, Optional<String> statusString,
        Optional<CmcFailInfo> failInfo, Optional<PendingInfo> pendingInfo) {
    public CmcStatusInfo {
        Objects.requireNonNull(status, "status");
        bodyList = List.copyOf(bodyList);
        if (failInfo.isPresent() && pendingInfo.isPresent()) {
            throw new IllegalArgumentException("a status carries failInfo or pendInfo, not both");
        }
    }

    public static CmcStatusInfo success(List<Long> bodyList) {
        return new CmcStatusInfo(CmcStatus.SUCCESS, bodyList, Optional.empty(), Optional.empty(), Optional.empty());
    }

    public static CmcStatusInfo failed(List<Long> bodyList, CmcFailInfo failInfo, String statusString) {
        return new CmcStatusInfo(CmcStatus.FAILED, bodyList, Optional.of(statusString), Optional.of(failInfo), Optional.empty());
    }

    public static CmcStatusInfo pending(List<Long> bodyList, PendingInfo pending, String statusString) {
        return new CmcStatusInfo(CmcStatus.PENDING, bodyList, Optional.of(statusString), Optional.empty(), Optional.of(pending));
    }
}
