/**
 * CMC (RFC 5272/5273) codecs, client and server side: {@link org.brevet.protocol.cmc.FullPkiRequest}
 * parses and verifies a Full PKI Request (SignedData over PKIData carrying PKCS#10 or CRMF);
 * {@link org.brevet.protocol.cmc.FullPkiRequestBuilder} writes one (agent-, user- or self-signed,
 * identityProofV2, popLinkRandom/popLinkWitnessV2); {@link org.brevet.protocol.cmc.FullPkiResponseBuilder}
 * writes Full PKI Responses (CMCStatusInfoV2, nonce echo) and {@link org.brevet.protocol.cmc.FullPkiResponse}
 * reads them and Simple PKI Responses. Shared-secret witnesses follow Dogtag: key = hash(secret), witness
 * = HMAC(key, DER reqSequence) for identityProofV2 and HMAC(key, popLinkRandom) for popLinkWitnessV2.
 * Encrypted POP and PKIArchiveOptions are decoded (decryptedPOP, regInfo/responseInfo, archive options
 * kept encoded) for the KRA to build on.
 */
package org.brevet.protocol.cmc;
