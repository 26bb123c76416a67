package org.brevet.protocol.cmc;

import org.brevet.pki.Der;

/** A popLinkWitnessV2 attribute (RFC 5272 §6.3.1.1) found inside a PKCS#10 or CRMF request. */
public record PopLinkWitness(MacAlgorithm keyGen, MacAlgorithm mac, Der witness) {
}
