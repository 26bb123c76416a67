package org.brevet.tracker.submit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalInt;
import java.util.Set;
import java.util.UUID;
import org.brevet.pki.AtomicFiles;
import org.brevet.pki.BrevetException;
import org.brevet.pki.Certificate;
import org.brevet.pki.CertificateBuilder;
import org.brevet.pki.Csr;
import org.brevet.pki.DistinguishedName;
import org.brevet.pki.ErrorKind;
import org.brevet.pki.KeySpec;
import org.brevet.pki.KeyUsage;
import org.brevet.pki.PrivateKeys;
import org.brevet.pki.SerialNumber;
import org.brevet.pki.Signer;
import org.brevet.tracker.state.CsrTemplate;

/**
 * The tracker's own local CA (certmonger's {@code local}), kept in {@code <state-dir>/local} as
 * {@code ca.key} (PKCS#8, 0600) and {@code ca.crt}. Created on first use with subject
 * {@code CN=Local Signing Authority,CN=<uuid>} and a ten-year life. Unlike certmonger's, a leaf is never
 * cut short by the CA's expiry: when the CA has less than twice a leaf's validity left it is replaced by a
 * new one before issuing (the old certificate stays in {@code ca-previous.crt}).
 */
public final class LocalCa {
    static final Duration CA_VALIDITY = Duration.ofDays(3650);

    private final Path dir;
    private final Clock clock;
    private final SecureRandom random;
    private final Duration leafValidity;
    private Certificate caCert;
    private PrivateKey caKey;

    public LocalCa(Path dir, Clock clock, SecureRandom random, Duration leafValidity) {
        this.dir = dir;
        this.clock = clock;
        this.random = random;
        this.leafValidity = leafValidity;
    }

    /** The current CA certificate (created if needed). */
    public synchronized Certificate certificate() {
        ensureCurrent();
        return caCert;
    }

    public synchronized Certificate issue(Csr csr, CsrTemplate template) {
        ensureCurrent();
        csr.verifySignature();
        return Issuance.issue(csr, template, caCert.subject(), Signer.of(caKey, caCert.publicKey()),
                SerialNumber.random(random), clock.instant(), leafValidity, caCert.publicKey());
    }

    private void ensureCurrent() {
        if (caCert == null && Files.isRegularFile(dir.resolve("ca.crt"))) {
            load();
        }
        Instant now = clock.instant();
        if (caCert == null || caCert.notAfter().isBefore(now.plus(leafValidity.multipliedBy(2)))) {
            create(now);
        }
    }

    private void load() {
        try {
            caCert = Certificate.parse(Files.readAllBytes(dir.resolve("ca.crt")));
            caKey = PrivateKeys.read(dir.resolve("ca.key"));
        } catch (IOException e) {
            throw new BrevetException(ErrorKind.UNAVAILABLE, "cannot read the local CA in " + dir, e);
        }
    }

    private void create(Instant now) {
        try {
            Files.createDirectories(dir);
            if (caCert != null) {
                AtomicFiles.writePublic(dir.resolve("ca-previous.crt"), caCert.toPem().getBytes(StandardCharsets.US_ASCII));
            }
        } catch (IOException e) {
            throw new BrevetException(ErrorKind.UNAVAILABLE, "cannot create " + dir, e);
        }
        KeyPair pair = KeySpec.EC_P256.generate(random);
        DistinguishedName name = DistinguishedName.parse("CN=Local Signing Authority,CN=" + UUID.randomUUID());
        Certificate cert = new CertificateBuilder()
                .serial(SerialNumber.random(random))
                .issuer(name)
                .subject(name)
                .validity(now, now.plus(CA_VALIDITY))
                .publicKey(pair.getPublic())
                .basicConstraints(true, OptionalInt.empty(), true)
                .keyUsage(Set.of(KeyUsage.KEY_CERT_SIGN, KeyUsage.CRL_SIGN, KeyUsage.DIGITAL_SIGNATURE))
                .subjectKeyIdentifier()
                .build(Signer.of(pair.getPrivate(), pair.getPublic()));
        PrivateKeys.write(dir.resolve("ca.key"), pair.getPrivate());
        AtomicFiles.writePublic(dir.resolve("ca.crt"), cert.toPem().getBytes(StandardCharsets.US_ASCII));
        caCert = cert;
        caKey = pair.getPrivate();
    }
}
