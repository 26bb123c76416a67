/**
 * Issuance in Boulder's order (record intent, audit, sign, store, audit) and read access to issued
 * certificates.
 */
package org.brevet.ca.issue;
