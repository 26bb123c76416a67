/**
 * Revocation: agents revoke, hold and release certificates; holders revoke their own (proven by the TLS
 * client certificate). The store commits each change before the call returns; CRLs and OCSP read it from
 * there, so every node sees the same status.
 */
package org.brevet.ca.revoke;
