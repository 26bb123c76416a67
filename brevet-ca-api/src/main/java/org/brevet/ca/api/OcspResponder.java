package org.brevet.ca.api;

import org.brevet.pki.Der;

/**
 * The CA's OCSP responder (RFC 6960). Takes the DER of an OCSPRequest (from a POST body, or decoded from
 * the base64 of a GET path) and always returns the DER of an OCSPResponse: a signed status, or an error
 * status (malformedRequest, unauthorized, tryLater, internalError). It never throws for bad input; the
 * adapter sends the bytes with HTTP 200 and {@code application/ocsp-response}.
 */
public interface OcspResponder {
    /** The response, with how long HTTP caches may keep it when they may. */
    OcspAnswer answer(byte[] request);

    default Der respond(byte[] request) {
        return answer(request).response();
    }
}
