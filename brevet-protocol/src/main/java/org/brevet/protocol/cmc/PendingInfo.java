package org.brevet.protocol.cmc;

import java.time.Instant;
import org.brevet.pki.Der;

/** PendInfo (RFC 5272 §6.1.1): a token to poll with (Dogtag: the request id) and when to ask again. */
public record PendingInfo(Der pendToken, Instant pendTime) {
}
