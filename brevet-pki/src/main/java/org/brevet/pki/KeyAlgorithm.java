package org.brevet.pki;

/** The public-key algorithms Brevet issues for and generates. */
public enum KeyAlgorithm {
    RSA,
    EC
}
