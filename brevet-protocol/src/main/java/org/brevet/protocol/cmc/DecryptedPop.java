package org.brevet.protocol.cmc;

import org.brevet.pki.Der;

/** A decryptedPOP control (RFC 5272 §6.7), second trip of the encrypted-POP exchange. */
public record DecryptedPop(long bodyPartId, String algorithmOid, Der thePop) {
}
