/**
 * SCEP (RFC 8894) wire codec: the pkiMessage (SignedData over an EnvelopedData) a client sends, the CertRep
 * the server answers, and the client-side builders the tracker and the tests use. Free of transport and of
 * the authority.
 */
package org.brevet.protocol.scep;
