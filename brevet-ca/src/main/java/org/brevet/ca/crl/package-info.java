/**
 * CRL issuing point {@code MasterCRL}: full and delta CRLs (RFC 5280 §5) streamed from the store into a
 * spool file and signed as they are written, numbered from the database, stored there for every node to
 * serve, and regenerated on a schedule or on an agent's demand.
 */
package org.brevet.ca.crl;
