/**
 * OCSP (RFC 6960) on the wire: {@link org.brevet.protocol.ocsp.OcspRequest} parsing and encoding,
 * {@link org.brevet.protocol.ocsp.OcspResponses} encoding and signing, and
 * {@link org.brevet.protocol.ocsp.OcspResponse} parsing. No transport, no status source: the responder
 * logic lives in brevet-ca, HTTP in brevet-ca-http.
 */
package org.brevet.protocol.ocsp;
