package org.brevet.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.brevet.pki.BrevetException;
import org.brevet.pki.Certificate;
import org.brevet.pki.ErrorKind;
import org.brevet.pki.KeySpec;
import org.brevet.pki.Pkcs12Store;
import org.brevet.pki.Secret;
import org.brevet.testkit.Openssl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CaInitTest {
    @TempDir
    Path dir;

    private static String mode(Path p) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }

    @Test
    void init_createsEveryFileWithTheRightPermissions() throws Exception {
        InstanceLayout layout = TestInstances.create(dir.resolve("ca"), KeySpec.EC_P256);

        assertThat(mode(layout.configFile())).isEqualTo("rw-r--r--");
        assertThat(mode(layout.passwordFile())).isEqualTo("rw-------");
        assertThat(mode(layout.keyToken())).isEqualTo("rw-------");
        assertThat(mode(layout.adminCredential())).isEqualTo("rw-------");
        assertThat(mode(layout.adminPasswordFile())).isEqualTo("rw-------");
        assertThat(mode(layout.aliasDir())).isEqualTo("rwx------");
        assertThat(mode(layout.adminDir())).isEqualTo("rwx------");
        assertThat(mode(layout.dataDir())).isEqualTo("rwx------");
        assertThat(mode(layout.caCertificate())).isEqualTo("rw-r--r--");
        assertThat(Files.readString(layout.passwordFile())).startsWith("internal=");
        assertThat(layout.dataDir()).isNotEmptyDirectory();
        assertThat(Files.readString(layout.auditDir().resolve("ca_audit")))
                .contains("[AuditEvent=CONFIG_ROLE]").contains("caadmin");
        try (Stream<Path> siblings = Files.list(dir)) {
            assertThat(siblings).as("no staging directory left behind").containsExactly(layout.root());
        }
    }

    @Test
    void init_keyTokenHoldsDogtagNicknamesAndServerCertNamesLocalhost() throws Exception {
        InstanceLayout layout = TestInstances.create(dir.resolve("ca"), KeySpec.EC_P256);
        Secret pin = PasswordFiles.readEntry(layout.passwordFile(), "internal");

        Pkcs12Store token = Pkcs12Store.read(layout.keyToken(), pin);

        assertThat(token.aliases()).containsExactlyInAnyOrderElementsOf(TestInstances.nicknames());
        Certificate ca = Certificate.parse(Files.readString(layout.caCertificate()));
        assertThat(token.keyEntry(KeyToken.CA_SIGNING).orElseThrow().certificate()).isEqualTo(ca);
        Certificate server = token.keyEntry(KeyToken.SERVER).orElseThrow().certificate();
        Files.writeString(dir.resolve("server.pem"), server.toPem());
        Openssl openssl = new Openssl(dir);
        assertThat(openssl.verify(layout.caCertificate().toString(), "server.pem").isSuccess()).isTrue();
        assertThat(openssl.x509Text("server.pem")).contains("DNS:localhost").contains("IP Address:127.0.0.1")
                .contains("TLS Web Server Authentication").contains("Subject: O = EXAMPLE.COM, CN = localhost");
    }

    @Test
    void init_adminCredentialOpensWithOpensslAndItsPasswordFile() throws Exception {
        InstanceLayout layout = TestInstances.create(dir.resolve("ca"), KeySpec.EC_P256);
        String password = Files.readString(layout.adminPasswordFile()).strip();

        String pem = new Openssl(dir).pkcs12ToPem(layout.adminCredential().toString(), password);

        assertThat(pem).contains("-----BEGIN PRIVATE KEY-----").contains("CN = PKI Administrator");
    }

    @Test
    void init_withAdminPasswordFile_usesThatPassword() throws Exception {
        Path pw = Files.writeString(dir.resolve("admin.pw"), "correct horse\n");
        InitOptions options = new InitOptions(TestInstances.config(""), TestInstances.SUBJECT, KeySpec.EC_P256,
                Optional.of(pw), Optional.empty());

        new Installer(Clock.systemUTC(), new SecureRandom()).install(InstanceLayout.of(dir.resolve("ca")), options);

        InstanceLayout layout = InstanceLayout.of(dir.resolve("ca"));
        assertThat(Pkcs12Store.read(layout.adminCredential(), Secret.of("correct horse")).aliases()).containsExactly("caadmin");
    }

    @Test
    void initTwice_isAConflictAndLeavesTheInstanceUntouched() throws Exception {
        InstanceLayout layout = TestInstances.create(dir.resolve("ca"), KeySpec.EC_P256);
        byte[] token = Files.readAllBytes(layout.keyToken());

        assertThatThrownBy(() -> TestInstances.create(dir.resolve("ca"), KeySpec.EC_P256))
                .isInstanceOf(BrevetException.class)
                .hasMessage("an instance already exists at " + layout.root())
                .extracting(e -> ((BrevetException) e).kind()).isEqualTo(ErrorKind.CONFLICT);
        assertThat(Files.readAllBytes(layout.keyToken())).isEqualTo(token);
    }

    @Test
    void initFailingHalfWay_leavesNothingBehind() throws Exception {
        InitOptions unreachable = new InitOptions(
                TestInstances.config("db.url = jdbc:postgresql://127.0.0.1:1/brevet\ndb.user = brevet\n"),
                TestInstances.SUBJECT, KeySpec.EC_P256, Optional.empty(), Optional.empty());
        Installer installer = new Installer(Clock.systemUTC(), new SecureRandom());

        assertThatThrownBy(() -> installer.install(InstanceLayout.of(dir.resolve("ca")), unreachable))
                .isInstanceOf(BrevetException.class)
                .extracting(e -> ((BrevetException) e).kind()).isEqualTo(ErrorKind.UNAVAILABLE);
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void externalCa_initWritesCsrThenInstallCertCompletesTheInstance() throws Exception {
        Openssl openssl = new Openssl(dir);
        openssl.ok("req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-keyout", "root.key",
                "-out", "root.pem", "-subj", "/CN=External Root", "-days", "3650");
        InstanceLayout layout = InstanceLayout.of(dir.resolve("ca"));
        Path csr = dir.resolve("ca.csr");
        InitOptions external = new InitOptions(TestInstances.config(""), TestInstances.SUBJECT, KeySpec.EC_P256,
                Optional.empty(), Optional.of(csr));
        Installer installer = new Installer(Clock.systemUTC(), new SecureRandom());

        installer.install(layout, external);

        assertThat(layout.awaitsCaCertificate()).isTrue();
        assertThat(mode(layout.pendingCaKey())).isEqualTo("rw-------");
        Files.writeString(dir.resolve("ext.cnf"), "basicConstraints=critical,CA:TRUE\nkeyUsage=critical,keyCertSign,cRLSign,digitalSignature\n"
                + "subjectKeyIdentifier=hash\nauthorityKeyIdentifier=keyid\n");
        openssl.ok("x509", "-req", "-in", "ca.csr", "-CA", "root.pem", "-CAkey", "root.key", "-CAcreateserial",
                "-out", "ca.pem", "-days", "1825", "-extfile", "ext.cnf");

        installer.installCertificate(layout, Certificate.parse(Files.readString(dir.resolve("ca.pem"))),
                List.of(Certificate.parse(Files.readString(dir.resolve("root.pem")))), Optional.empty());

        assertThat(layout.isInstalled()).isTrue();
        assertThat(layout.pendingCaKey()).doesNotExist();
        assertThat(Certificate.parseAll(Files.readString(layout.caCertificate()))).hasSize(2);
        Secret pin = PasswordFiles.readEntry(layout.passwordFile(), "internal");
        Certificate server = Pkcs12Store.read(layout.keyToken(), pin).keyEntry(KeyToken.SERVER).orElseThrow().certificate();
        Files.writeString(dir.resolve("server.pem"), server.toPem());
        assertThat(openssl.verify("root.pem", "server.pem", "-untrusted", layout.caCertificate().toString()).isSuccess()).isTrue();
    }

    @Test
    void installCert_forAnotherKey_isRefusedAndTheInstanceStillWaits() throws Exception {
        InstanceLayout layout = InstanceLayout.of(dir.resolve("ca"));
        Installer installer = new Installer(Clock.systemUTC(), new SecureRandom());
        installer.install(layout, new InitOptions(TestInstances.config(""), TestInstances.SUBJECT, KeySpec.EC_P256,
                Optional.empty(), Optional.of(dir.resolve("ca.csr"))));
        Openssl openssl = new Openssl(dir);
        openssl.ok("req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-keyout", "other.key",
                "-out", "other.pem", "-subj", "/CN=Other", "-days", "30");

        assertThatThrownBy(() -> installer.installCertificate(layout, Certificate.parse(Files.readString(dir.resolve("other.pem"))),
                List.of(), Optional.empty()))
                .hasMessageStartingWith("the certificate is not for this instance's CA key");
        assertThat(layout.awaitsCaCertificate()).isTrue();
    }
}
