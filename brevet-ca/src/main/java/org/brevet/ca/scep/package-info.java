/**
 * The SCEP server's rules (RFC 8894, docs/SCEP.md): one-time challenge passwords, enrollment through the
 * ordinary enrollment use case, renewal authenticated by a current certificate, CertPoll of pending
 * requests.
 */
package org.brevet.ca.scep;
