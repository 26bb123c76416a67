/**
 * The certificate authority: {@link org.brevet.ca.Authority} wires the use cases of brevet-ca-api on top of
 * the repository ports, with the CA's key ({@link org.brevet.ca.CaIdentity}) and URLs
 * ({@link org.brevet.ca.AuthorityConfig}). No SQL and no HTTP here.
 */
package org.brevet.ca;
