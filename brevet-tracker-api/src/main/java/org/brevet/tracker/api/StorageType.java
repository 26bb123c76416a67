package org.brevet.tracker.api;

/** Where a key or certificate lives (certmonger's {@code type=} in {@code getcert list}). */
public enum StorageType {
    /** PEM file: certificate, or PKCS#8 private key (encrypted when a PIN is given). */
    FILE,
    /** One PKCS#12 file holding key and certificate. */
    PKCS12,
    /** An NSS database (directory, nickname, optional token). */
    NSSDB,
    /** No key: the certificate is only monitored. */
    NONE
}
