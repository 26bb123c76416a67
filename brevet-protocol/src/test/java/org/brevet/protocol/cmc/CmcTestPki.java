package org.brevet.protocol.cmc;

import java.security.KeyPair;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.OptionalInt;
import org.brevet.pki.Certificate;
import org.brevet.pki.CertificateBuilder;
import org.brevet.pki.DistinguishedName;
import org.brevet.pki.KeySpec;
import org.brevet.pki.KeyUsage;
import org.brevet.pki.SerialNumber;
import org.brevet.pki.Signer;

/** A CA and an agent certificate for the codec tests. */
final class CmcTestPki {
    static final SecureRandom RANDOM = new SecureRandom();
    static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    final Signer caSigner;
    final Certificate ca;
    final Signer agentSigner;
    final Certificate agent;

    CmcTestPki() {
        KeyPair caKeys = KeySpec.EC_P256.generate(RANDOM);
        caSigner = Signer.of(caKeys.getPrivate(), caKeys.getPublic());
        DistinguishedName caName = DistinguishedName.parse("CN=CMC Test CA,O=EXAMPLE");
        ca = new CertificateBuilder().serial(SerialNumber.random(RANDOM)).issuer(caName).subject(caName)
                .validity(NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(365))).publicKey(caKeys.getPublic())
                .basicConstraints(true, OptionalInt.empty(), true)
                .keyUsage(EnumSet.of(KeyUsage.KEY_CERT_SIGN, KeyUsage.CRL_SIGN, KeyUsage.DIGITAL_SIGNATURE)).subjectKeyIdentifier()
                .build(caSigner);
        KeyPair agentKeys = KeySpec.RSA_2048.generate(RANDOM);
        agentSigner = Signer.of(agentKeys.getPrivate(), agentKeys.getPublic());
        agent = issue(DistinguishedName.parse("CN=CA Agent,O=EXAMPLE"), agentKeys);
    }

    Certificate issue(DistinguishedName subject, KeyPair keys) {
        return new CertificateBuilder().serial(SerialNumber.random(RANDOM)).issuer(ca).subject(subject)
                .validity(NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(30))).publicKey(keys.getPublic())
                .keyUsage(EnumSet.of(KeyUsage.DIGITAL_SIGNATURE)).build(caSigner);
    }
}
