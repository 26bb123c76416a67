/**
 * Brevet's PKI primitives on BouncyCastle, shared by the CA server and the tracker.
 *
 * <ul>
 *   <li>Values: {@link org.brevet.pki.Der}, {@link org.brevet.pki.Pem}, {@link org.brevet.pki.Secret},
 *       {@link org.brevet.pki.SerialNumber}, {@link org.brevet.pki.DistinguishedName},
 *       {@link org.brevet.pki.SubjectAltName}, {@link org.brevet.pki.KeySpec},
 *       {@link org.brevet.pki.KeyUsage}, {@link org.brevet.pki.ExtendedKeyUsage},
 *       {@link org.brevet.pki.RawExtension}, {@link org.brevet.pki.RevocationReason}.</li>
 *   <li>Requests and certificates: {@link org.brevet.pki.CsrBuilder} / {@link org.brevet.pki.Csr},
 *       {@link org.brevet.pki.CertificateBuilder} / {@link org.brevet.pki.Certificate},
 *       {@link org.brevet.pki.CrlBuilder} / {@link org.brevet.pki.Crl}.</li>
 *   <li>Keys: {@link org.brevet.pki.Signer} (any key token), {@link org.brevet.pki.Providers} (BouncyCastle
 *       for EC, the JDK for RSA), {@link org.brevet.pki.PrivateKeys} (PEM files),
 *       {@link org.brevet.pki.Pkcs12Store} (PKCS#12 files), {@link org.brevet.pki.PublicKeys}.</li>
 *   <li>Files: {@link org.brevet.pki.AtomicFiles} (temp + fsync + rename, 0600 for secrets).</li>
 * </ul>
 *
 * <p>Errors are {@link org.brevet.pki.BrevetException}s: MALFORMED for input that does not parse,
 * BAD_SIGNATURE for a signature that does not verify, UNAUTHORIZED for a wrong password, NOT_FOUND for a
 * missing file, UNAVAILABLE for a file that cannot be written.
 */
package org.brevet.pki;
