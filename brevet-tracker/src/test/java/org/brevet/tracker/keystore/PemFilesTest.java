package org.brevet.tracker.keystore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.brevet.pki.BrevetException;
import org.brevet.pki.Certificate;
import org.brevet.pki.CertificateBuilder;
import org.brevet.pki.DistinguishedName;
import org.brevet.pki.ErrorKind;
import org.brevet.pki.KeySpec;
import org.brevet.pki.Secret;
import org.brevet.pki.SerialNumber;
import org.brevet.pki.Signer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PemFilesTest {
    private final SecureRandom random = new SecureRandom();

    @TempDir
    Path dir;

    private PemFiles files(Integer certPerms) {
        return new PemFiles(dir.resolve("x.key"), dir.resolve("x.crt"), new PemFiles.Modes(null, null, null, certPerms),
                random);
    }

    private Certificate selfSigned(KeyPair key) {
        DistinguishedName n = DistinguishedName.parse("CN=x");
        return new CertificateBuilder().serial(SerialNumber.random(random)).issuer(n).subject(n)
                .validity(Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-01-01T00:00:00Z").plus(Duration.ofDays(1)))
                .publicKey(key.getPublic()).basicConstraints(false, OptionalInt.empty(), true)
                .build(Signer.of(key.getPrivate(), key.getPublic()));
    }

    @Test
    void firstKey_isTheCurrentKey_encryptedWithThePin() throws Exception {
        PemFiles f = files(null);

        boolean next = f.generateKey(KeySpec.EC_P256, Optional.of(Secret.of("pin")));

        assertThat(next).isFalse();
        assertThat(Files.readString(dir.resolve("x.key"))).startsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("x.key")))).isEqualTo("rw-------");
        assertThatThrownBy(() -> f.loadKey(Optional.of(Secret.of("wrong")), false))
                .isInstanceOf(BrevetException.class)
                .satisfies(e -> assertThat(((BrevetException) e).kind()).isEqualTo(ErrorKind.UNAUTHORIZED));
        assertThatThrownBy(() -> f.loadKey(Optional.empty(), false)).isInstanceOf(BrevetException.class);
    }

    @Test
    void rekey_keepsOldKeyUntilTheNewCertificateIsSaved() throws Exception {
        PemFiles f = files(0644);
        f.generateKey(KeySpec.EC_P256, Optional.empty());
        KeyPair old = f.loadKey(Optional.empty(), false);
        f.save(selfSigned(old), List.of(), Optional.empty(), false);

        assertThat(f.generateKey(KeySpec.EC_P384, Optional.empty())).isTrue();
        assertThat(f.loadKey(Optional.empty(), false).getPublic()).isEqualTo(old.getPublic());
        KeyPair fresh = f.loadKey(Optional.empty(), true);
        f.save(selfSigned(fresh), List.of(), Optional.empty(), true);

        assertThat(f.loadKey(Optional.empty(), false).getPublic()).isEqualTo(fresh.getPublic());
        assertThat(f.readCertificate(Optional.empty()).orElseThrow().publicKey()).isEqualTo(fresh.getPublic());
        assertThat(dir.resolve("x.key.next")).doesNotExist();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("x.crt")))).isEqualTo("rw-r--r--");
    }

    @Test
    void pinFile_isReadEachTime_withoutItsNewline() throws Exception {
        Path pin = dir.resolve("pin");
        Files.writeString(pin, "abc\n");
        PinVault vault = new PinVault();

        assertThat(vault.pinFor("r", pin.toString())).contains(Secret.of("abc"));
        Files.writeString(pin, "def");
        assertThat(vault.pinFor("r", pin.toString())).contains(Secret.of("def"));
        vault.remember("m", Secret.of("mem"));
        assertThat(vault.pinFor("m", null)).contains(Secret.of("mem"));
        assertThat(vault.pinFor("other", null)).isEmpty();
    }
}
