/**
 * CRMF (RFC 4211) certificate request messages: parsing, signature-POP verification and building.
 * PKIArchiveOptions is recognised and handed over encoded; opening it is the KRA's job.
 */
package org.brevet.protocol.crmf;
