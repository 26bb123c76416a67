package org.brevet.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PrivateKeysTest {
    private static final SecureRandom RANDOM = new SecureRandom();

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"rsa:2048", "ec:p256", "ec:p384"})
    void write_unencrypted_opensslReadsTheSameKey(String spec) throws Exception {
        KeyPair kp = KeySpec.parse(spec).generate(RANDOM);
        Path file = dir.resolve("key.pem");
        PrivateKeys.write(file, kp.getPrivate());

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(Files.readString(file)).startsWith("-----BEGIN PRIVATE KEY-----");
        String pub = OpensslProcess.run(dir, "pkey", "-in", "key.pem", "-pubout").assertOk().stdout();
        assertThat(PublicKeys.fromDer(Pem.decode(pub, "PUBLIC KEY"))).isEqualTo(kp.getPublic());
        assertThat(PrivateKeys.read(file).getEncoded()).isEqualTo(kp.getPrivate().getEncoded());
    }

    @ParameterizedTest
    @ValueSource(strings = {"rsa:2048", "ec:p256"})
    void write_encrypted_opensslDecryptsWithPasswordAndReportsPbes2Aes256(String spec) throws Exception {
        KeyPair kp = KeySpec.parse(spec).generate(RANDOM);
        Path file = dir.resolve("enc.pem");
        PrivateKeys.write(file, kp.getPrivate(), Secret.of("pa ss:wörd"), RANDOM);

        assertThat(Files.readString(file)).startsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----");
        String pub = OpensslProcess.run(dir, "pkey", "-in", "enc.pem", "-passin", "pass:pa ss:wörd", "-pubout").assertOk().stdout();
        assertThat(PublicKeys.fromDer(Pem.decode(pub, "PUBLIC KEY"))).isEqualTo(kp.getPublic());
        String asn1 = OpensslProcess.run(dir, "asn1parse", "-in", "enc.pem").assertOk().stdout();
        assertThat(asn1).contains("PBES2", "PBKDF2", "hmacWithSHA256", "aes-256-cbc");
        assertThat(OpensslProcess.run(dir, "pkey", "-in", "enc.pem", "-passin", "pass:wrong", "-noout").exitCode()).isNotZero();

        PrivateKey back = PrivateKeys.read(file, Secret.of("pa ss:wörd"));
        assertThat(back.getEncoded()).isEqualTo(kp.getPrivate().getEncoded());
    }

    @Test
    void read_wrongPassword_isUnauthorizedNamingTheFile() {
        KeyPair kp = KeySpec.EC_P256.generate(RANDOM);
        Path file = dir.resolve("enc.pem");
        PrivateKeys.write(file, kp.getPrivate(), Secret.of("right"), RANDOM);
        assertThatThrownBy(() -> PrivateKeys.read(file, Secret.of("wrong")))
                .isInstanceOfSatisfying(BrevetException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.UNAUTHORIZED);
                    assertThat(e.detail()).contains("wrong password").contains(file.toString());
                });
        assertThatThrownBy(() -> PrivateKeys.read(file))
                .isInstanceOfSatisfying(BrevetException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.UNAUTHORIZED);
                    assertThat(e.detail()).contains("password is needed");
                });
    }

    @Test
    void read_opensslTraditionalRsaAndEcKeys_work() throws Exception {
        OpensslProcess.run(dir, "genrsa", "-traditional", "-out", "rsa.pem", "2048").assertOk();
        OpensslProcess.run(dir, "ecparam", "-name", "prime256v1", "-genkey", "-noout", "-out", "ec.pem").assertOk();
        OpensslProcess.run(dir, "rsa", "-in", "rsa.pem", "-traditional", "-aes256", "-passout", "pass:pw", "-out", "rsa-enc.pem").assertOk();
        assertThat(Files.readString(dir.resolve("rsa.pem"))).contains("BEGIN RSA PRIVATE KEY");
        assertThat(Files.readString(dir.resolve("ec.pem"))).contains("BEGIN EC PRIVATE KEY");
        assertThat(Files.readString(dir.resolve("rsa-enc.pem"))).contains("Proc-Type: 4,ENCRYPTED");

        PrivateKey rsa = PrivateKeys.read(dir.resolve("rsa.pem"));
        PrivateKey ec = PrivateKeys.read(dir.resolve("ec.pem"));
        assertThat(KeySpec.of(PrivateKeys.publicKeyOf(rsa))).isEqualTo(KeySpec.RSA_2048);
        assertThat(KeySpec.of(PrivateKeys.publicKeyOf(ec))).isEqualTo(KeySpec.EC_P256);
        assertThat(PrivateKeys.read(dir.resolve("rsa-enc.pem"), Secret.of("pw")).getEncoded()).isEqualTo(rsa.getEncoded());
        assertThatThrownBy(() -> PrivateKeys.read(dir.resolve("rsa-enc.pem"), Secret.of("nope")))
                .isInstanceOfSatisfying(BrevetException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.UNAUTHORIZED));

        String pub = OpensslProcess.run(dir, "pkey", "-in", "ec.pem", "-pubout").assertOk().stdout();
        assertThat(PrivateKeys.publicKeyOf(ec)).isEqualTo(PublicKeys.fromDer(Pem.decode(pub, "PUBLIC KEY")));
    }

    @Test
    void opensslEncryptedPkcs8_isReadable() throws Exception {
        OpensslProcess.run(dir, "genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-384",
                "-aes-256-cbc", "-pass", "pass:topsecret", "-out", "k.pem").assertOk();
        PrivateKey key = PrivateKeys.read(dir.resolve("k.pem"), Secret.of("topsecret"));
        assertThat(KeySpec.of(PrivateKeys.publicKeyOf(key))).isEqualTo(KeySpec.EC_P384);
    }

    @Test
    void readKey_thenSign_verifiesWithDerivedPublicKey() {
        KeyPair kp = KeySpec.EC_P256.generate(RANDOM);
        PrivateKey back = PrivateKeys.parse(PrivateKeys.toPem(kp.getPrivate()));
        Signer signer = Signer.of(back, PrivateKeys.publicKeyOf(back));
        Csr csr = new CsrBuilder().subject(DistinguishedName.parse("CN=k")).build(signer);
        csr.verifySignature();
        assertThat(csr.publicKey()).isEqualTo(kp.getPublic());
    }

    @Test
    void parse_notAKey_isMalformed() {
        for (String text : new String[] {"", "garbage", Pem.encode("CERTIFICATE", Der.of(new byte[] {0x30, 0x00})),
                Pem.encode("PRIVATE KEY", Der.of(new byte[] {0x30, 0x03, 0x02, 0x01, 0x00}))}) {
            assertThatThrownBy(() -> PrivateKeys.parse(text)).as(text)
                    .isInstanceOfSatisfying(BrevetException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.MALFORMED));
        }
    }

    @Test
    void read_missingFile_isNotFound() {
        assertThatThrownBy(() -> PrivateKeys.read(dir.resolve("nope.pem")))
                .isInstanceOfSatisfying(BrevetException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.NOT_FOUND));
    }
}
