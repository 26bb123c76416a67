/**
 * Clones: the nodes of one CA on a shared PostgreSQL database. One node at a time is the CRL master, chosen by
 * a lease row with an expiry and a fencing token ({@link org.brevet.ca.api.store.Leases}); the master
 * generates CRLs on schedule and carries out the CRL requests other nodes queue in the database; every node
 * renews its heartbeat and takes the lease when it expired.
 */
package org.brevet.ca.cluster;
