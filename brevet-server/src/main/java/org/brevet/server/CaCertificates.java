package org.brevet.server;

import java.security.KeyPair;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.OptionalInt;
import org.brevet.pki.Certificate;
import org.brevet.pki.CertificateBuilder;
import org.brevet.pki.Csr;
import org.brevet.pki.CsrBuilder;
import org.brevet.pki.DistinguishedName;
import org.brevet.pki.KeyUsage;
import org.brevet.pki.SerialNumber;
import org.brevet.pki.Signer;

/**
 * The CA's own certificate: self-signed for a root CA, or a CSR for an external CA to sign. Extensions as
 * Dogtag's caCert profile: basicConstraints CA:TRUE (critical), keyUsage digitalSignature, nonRepudiation,
 * keyCertSign, cRLSign (critical), subject and authority key identifiers. Valid for 20 years.
 */
final class CaCertificates {
    static final Duration VALIDITY = Duration.ofDays(20 * 365 + 5);

    private CaCertificates() {
    }

    static Certificate selfSigned(KeyPair key, DistinguishedName subject, Instant now, SecureRandom random) {
        return new CertificateBuilder()
                .serial(SerialNumber.random(random))
                .issuer(subject)
                .subject(subject)
                .validity(now, now.plus(VALIDITY))
                .publicKey(key.getPublic())
                .basicConstraints(true, OptionalInt.empty(), true)
                .keyUsage(EnumSet.of(KeyUsage.DIGITAL_SIGNATURE, KeyUsage.NON_REPUDIATION, KeyUsage.KEY_CERT_SIGN,
                        KeyUsage.CRL_SIGN))
                .subjectKeyIdentifier()
                .authorityKeyIdentifier(key.getPublic())
                .build(Signer.of(key.getPrivate(), key.getPublic()));
    }

    /** The CA's request to an external CA, asking for the same key usage. */
    static Csr request(KeyPair key, DistinguishedName subject) {
        return new CsrBuilder()
                .subject(subject)
                .keyUsage(EnumSet.of(KeyUsage.DIGITAL_SIGNATURE, KeyUsage.NON_REPUDIATION, KeyUsage.KEY_CERT_SIGN,
                        KeyUsage.CRL_SIGN))
                .build(key);
    }
}
