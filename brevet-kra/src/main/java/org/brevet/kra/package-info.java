/**
 * The KRA (key recovery authority): transport and storage keys, archival of private keys carried by CRMF
 * PKIArchiveOptions ({@link org.brevet.ca.api.KeyArchive}), and recovery approved by agents
 * ({@link org.brevet.ca.api.KeyRecovery}). Built by {@link org.brevet.kra.Kra#create}.
 */
package org.brevet.kra;
