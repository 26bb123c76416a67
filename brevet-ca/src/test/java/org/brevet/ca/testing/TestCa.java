package org.brevet.ca.testing;

import java.security.KeyPair;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.OptionalInt;
import org.brevet.ca.AuthorityConfig;
import org.brevet.ca.CaIdentity;
import org.brevet.pki.Certificate;
import org.brevet.pki.CertificateBuilder;
import org.brevet.pki.Csr;
import org.brevet.pki.CsrBuilder;
import org.brevet.pki.DistinguishedName;
import org.brevet.pki.KeySpec;
import org.brevet.pki.KeyUsage;
import org.brevet.pki.SerialNumber;
import org.brevet.pki.Signer;
import org.brevet.pki.SubjectAltName;

/** A real self-signed CA (EC P-256) and CSR helpers for unit tests. */
public final class TestCa {
    public static final Instant START = Instant.parse("2026-11-23T20:00:00Z");
    public static final AuthorityConfig URLS = new AuthorityConfig("http://ca.example.com:8080/ca/ocsp",
            "http://ca.example.com:8080/ca/cacert.der", "http://ca.example.com:8080/crl/MasterCRL.crl");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final KeyPair EC_KEY = KeySpec.EC_P256.generate(RANDOM);

    private TestCa() {
    }

    public static CaIdentity identity() {
        return identity(Duration.ofDays(3650));
    }

    public static CaIdentity identity(Duration validity) {
        KeyPair keys = KeySpec.EC_P256.generate(RANDOM);
        Signer signer = Signer.of(keys.getPrivate(), keys.getPublic());
        Certificate cert = new CertificateBuilder()
                .serial(SerialNumber.random(RANDOM))
                .issuer(DistinguishedName.parse("CN=Test CA,O=EXAMPLE.COM"))
                .subject(DistinguishedName.parse("CN=Test CA,O=EXAMPLE.COM"))
                .validity(START.minus(Duration.ofDays(1)), START.plus(validity))
                .publicKey(keys.getPublic())
                .basicConstraints(true, OptionalInt.empty(), true)
                .keyUsage(EnumSet.of(KeyUsage.KEY_CERT_SIGN, KeyUsage.CRL_SIGN, KeyUsage.DIGITAL_SIGNATURE))
                .subjectKeyIdentifier()
                .build(signer);
        return new CaIdentity(signer, cert, List.of(cert));
    }

    /** A CSR with a shared EC P-256 key (fast), subject and SANs. */
    public static Csr ecCsr(String subject, SubjectAltName... sans) {
        return csr(EC_KEY, subject, sans);
    }

    public static Csr csr(KeyPair keys, String subject, SubjectAltName... sans) {
        return new CsrBuilder().subject(DistinguishedName.parse(subject)).subjectAltNames(List.of(sans)).build(keys);
    }

    public static KeyPair keys(KeySpec spec) {
        return spec.generate(RANDOM);
    }
}
