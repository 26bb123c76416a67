/**
 * CRMF (RFC 4211) certificate request messages: parsing, signature-POP verification and building, and
 * PKIArchiveOptions ({@link org.brevet.protocol.crmf.ArchiveOptions}, an
 * {@link org.brevet.protocol.crmf.EncryptedPrivateKey}): the client wraps its private key to the KRA transport
 * certificate, the KRA unwraps it.
 */
package org.brevet.protocol.crmf;
