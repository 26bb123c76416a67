/**
 * The OCSP responder (RFC 6960): status from the database on every request, pre-signed responses for
 * nonce-less requests cached only for the status they were signed for, delegated or CA-key signing.
 */
package org.brevet.ca.ocsp;
