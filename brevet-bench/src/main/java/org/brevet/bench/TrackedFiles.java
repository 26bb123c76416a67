package org.brevet.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.brevet.ca.CaIdentity;
import org.brevet.pki.Certificate;
import org.brevet.pki.CertificateBuilder;
import org.brevet.pki.Der;
import org.brevet.pki.DistinguishedName;
import org.brevet.pki.KeySpec;
import org.brevet.pki.KeyUsage;
import org.brevet.pki.Pem;
import org.brevet.pki.SerialNumber;
import org.brevet.pki.SubjectAltName;

/** Writes certificate and key PEM files to track: distinct EC P-256 keys, leaf certificates of a bench CA. */
final class TrackedFiles {
    record Pair(Path certificate, Path key) {
    }

    private TrackedFiles() {
    }

    static List<Pair> write(Path dir, int count) throws IOException {
        Files.createDirectories(dir);
        SecureRandom random = new SecureRandom();
        Instant now = Instant.now();
        CaIdentity ca = CrlGenerationRun.identity(now);
        List<Pair> pairs = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            KeyPair keys = KeySpec.EC_P256.generate(random);
            String host = "host" + i + ".bench.example";
            Certificate cert = new CertificateBuilder()
                    .serial(SerialNumber.random(random))
                    .issuer(ca.certificate().subject())
                    .subject(DistinguishedName.parse("CN=" + host))
                    .validity(now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(365)))
                    .publicKey(keys.getPublic())
                    .keyUsage(EnumSet.of(KeyUsage.DIGITAL_SIGNATURE))
                    .subjectAltNames(List.of(SubjectAltName.dns(host)))
                    .build(ca.signer());
            Path certFile = Files.writeString(dir.resolve(host + ".crt"), cert.toPem());
            Path keyFile = dir.resolve(host + ".key");
            Files.createFile(keyFile, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(keyFile, Pem.encode(Pem.PRIVATE_KEY, Der.of(keys.getPrivate().getEncoded())));
            pairs.add(new Pair(certFile, keyFile));
        }
        return pairs;
    }
}
