package org.brevet.pki;

import java.security.KeyPair;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.OptionalInt;

/** A CA and certificates issued by it, for tests. */
record TestPkis(KeyPair caKeys, Certificate ca) {
    static final SecureRandom RANDOM = new SecureRandom();

    static TestPkis create(KeySpec spec, Instant now) {
        return create(spec, now, "CN=Test CA,O=EXAMPLE.COM");
    }

    static TestPkis create(KeySpec spec, Instant now, String subject) {
        KeyPair keys = spec.generate(RANDOM);
        DistinguishedName dn = DistinguishedName.parse(subject);
        Certificate ca = new CertificateBuilder().serial(SerialNumber.random(RANDOM)).issuer(dn).subject(dn)
                .validity(now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(365)))
                .publicKey(keys.getPublic()).basicConstraints(true, OptionalInt.empty(), true)
                .keyUsage(EnumSet.of(KeyUsage.KEY_CERT_SIGN, KeyUsage.CRL_SIGN)).subjectKeyIdentifier()
                .build(Signer.of(keys.getPrivate(), keys.getPublic()));
        return new TestPkis(keys, ca);
    }

    Certificate issue(KeyPair subjectKeys, String subject, List<SubjectAltName> sans, List<String> eku, Instant now) {
        return new CertificateBuilder().serial(SerialNumber.random(RANDOM)).issuer(ca)
                .subject(DistinguishedName.parse(subject))
                .validity(now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(30)))
                .publicKey(subjectKeys.getPublic()).basicConstraints(false, OptionalInt.empty(), true)
                .keyUsage(EnumSet.of(KeyUsage.DIGITAL_SIGNATURE, KeyUsage.KEY_ENCIPHERMENT))
                .extendedKeyUsage(eku).subjectKeyIdentifier().subjectAltNames(sans)
                .build(Signer.of(caKeys.getPrivate(), caKeys.getPublic()));
    }
}
