package org.brevet.protocol.cmc;

import org.brevet.pki.Der;

/** An identityProofV2 control (RFC 5272 §6.2.2): the hash that derives the key, the HMAC, the witness. */
public record IdentityProof(MacAlgorithm hash, MacAlgorithm mac, Der witness) {
}
