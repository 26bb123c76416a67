package org.brevet.tracker.keystore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.brevet.pki.BrevetException;
import org.brevet.pki.Certificate;
import org.brevet.pki.Csr;
import org.brevet.pki.DistinguishedName;
import org.brevet.pki.ErrorKind;
import org.brevet.pki.ExtendedKeyUsage;
import org.brevet.pki.KeySpec;
import org.brevet.pki.KeyUsage;
import org.brevet.pki.Secret;
import org.brevet.pki.SubjectAltName;
import org.brevet.testkit.ProcessResult;
import org.brevet.testkit.ProcessRunner;
import org.brevet.tracker.state.CsrTemplate;
import org.brevet.tracker.submit.LocalCa;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** NSSDB storage against real NSS databases, checked with NSS's certutil (fails when libnss3-tools is missing). */
class NssDatabaseTest {
    private static final PemFiles.Modes NO_MODES = new PemFiles.Modes(null, null, null, null);
    private final SecureRandom random = new SecureRandom();
    private final Certutil certutil = Certutil.standard();

    @TempDir
    Path dir;

    private Path db;
    private LocalCa ca;
    private ProcessRunner shell;

    @BeforeEach
    void setUp() throws Exception {
        db = Files.createDirectories(dir.resolve("nss"));
        ca = new LocalCa(Files.createDirectories(dir.resolve("ca")), Clock.systemUTC(), random, Duration.ofDays(30));
        shell = ProcessRunner.in(dir);
    }

    private ProcessResult certutil(String... args) {
        List<String> all = new java.util.ArrayList<>(List.of("certutil"));
        all.addAll(List.of(args));
        return shell.run(all);
    }

    private NssDatabase store(String nickname) {
        return new NssDatabase("sql:" + db, nickname, null, certutil, NO_MODES, random);
    }

    private static CsrContent content() {
        return new CsrContent(DistinguishedName.parse("CN=web1.example.test,O=Brevet Test"),
                List.of(SubjectAltName.dns("web1.example.test"), SubjectAltName.email("admin@example.test"),
                        SubjectAltName.ip("127.0.0.1"), SubjectAltName.of(SubjectAltName.Kind.KERBEROS_PRINCIPAL,
                                "HTTP/web1.example.test@EXAMPLE.TEST")),
                Set.of(KeyUsage.DIGITAL_SIGNATURE, KeyUsage.KEY_ENCIPHERMENT),
                List.of(ExtendedKeyUsage.SERVER_AUTH, "1.3.6.1.5.2.3.5"));
    }

    /** What the daemon does for a new request: key, CSR, issue, save. */
    private Certificate enroll(NssDatabase store, KeySpec spec, Optional<Secret> pin) {
        KeyAndCertStore.NewKey key = store.generateKey(spec, pin, content());
        Csr csr = store.request(content(), pin, key.asNext(), key.request());
        Certificate cert = ca.issue(csr, CsrTemplate.empty());
        assertThat(store.publicKey(pin, key.asNext(), Optional.of(csr))).isEqualTo(cert.publicKey());
        store.save(cert, List.of(ca.certificate()), pin, key.asNext());
        return cert;
    }

    @Test
    void emptyDirectory_getsASqlDatabase_andTheSavedCertificateIsListedByCertutil() {
        NssDatabase store = store("Server Cert");

        Certificate cert = enroll(store, KeySpec.EC_P256, Optional.empty());

        assertThat(db.resolve("cert9.db")).exists();
        assertThat(db.resolve("key4.db")).exists();
        assertThat(db.resolve("cert8.db")).doesNotExist();
        ProcessResult listed = certutil("-L", "-d", "sql:" + db, "-n", "Server Cert", "-a").assertSuccess();
        assertThat(Certificate.parse(listed.stdout())).isEqualTo(cert);
        assertThat(certutil("-K", "-d", "sql:" + db).assertSuccess().stdout())
                .contains(NssKeyId.of(cert.publicKey())).contains("NSS Certificate DB:Server Cert");
        assertThat(store.readCertificate(Optional.empty())).contains(cert);
        assertThat(store.hasKey(Optional.empty())).isTrue();
    }

    @Test
    void csrMadeByCertutil_carriesSubjectSansKeyUsageAndEku() {
        NssDatabase store = store("csr");
        KeyAndCertStore.NewKey key = store.generateKey(KeySpec.RSA_2048, Optional.empty(), content());

        Csr csr = store.request(content(), Optional.empty(), false, key.request());

        csr.verifySignature();
        assertThat(csr.subject()).isEqualTo(DistinguishedName.parse("CN=web1.example.test,O=Brevet Test"));
        assertThat(csr.subjectAltNames()).containsExactlyElementsOf(content().subjectAltNames());
        assertThat(csr.requestedKeyUsage()).containsExactlyInAnyOrder(KeyUsage.DIGITAL_SIGNATURE, KeyUsage.KEY_ENCIPHERMENT);
        assertThat(csr.requestedExtendedKeyUsages()).containsExactly(ExtendedKeyUsage.SERVER_AUTH, "1.3.6.1.5.2.3.5");
        assertThat(csr.requestedSubjectKeyIdentifier()).contains(csr.subjectKeyIdentifier());
        assertThat(csr.publicKey()).isEqualTo(key.request().orElseThrow().publicKey());
    }

    @Test
    void renewalWithTheSameKey_replacesTheCertificateUnderTheNickname_andKeepsTheFileModes() throws Exception {
        NssDatabase store = store("renew");
        Certificate first = enroll(store, KeySpec.EC_P256, Optional.empty());
        Files.setPosixFilePermissions(db.resolve("cert9.db"), PosixFilePermissions.fromString("rw-r-----"));
        Files.setPosixFilePermissions(db.resolve("key4.db"), PosixFilePermissions.fromString("rw-------"));

        Csr again = store.request(content(), Optional.empty(), false, Optional.empty());
        Certificate second = ca.issue(again, CsrTemplate.empty());
        store.save(second, List.of(), Optional.empty(), false);

        assertThat(again.publicKey()).isEqualTo(first.publicKey());
        String pems = certutil("-L", "-d", "sql:" + db, "-n", "renew", "-a").assertSuccess().stdout();
        assertThat(Certificate.parseAll(pems)).containsExactly(second);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(db.resolve("cert9.db")))).isEqualTo("rw-r-----");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(db.resolve("key4.db")))).isEqualTo("rw-------");
    }

    @Test
    void rekey_keepsTheNickname_andRemovesTheOldKey() {
        NssDatabase store = store("rekey");
        Certificate first = enroll(store, KeySpec.RSA_2048, Optional.empty());

        Certificate second = enroll(store, KeySpec.EC_P256, Optional.empty());

        assertThat(second.publicKey()).isNotEqualTo(first.publicKey());
        assertThat(Certificate.parseAll(certutil("-L", "-d", "sql:" + db, "-n", "rekey", "-a").stdout()))
                .containsExactly(second);
        String keys = certutil("-K", "-d", "sql:" + db).assertSuccess().stdout();
        assertThat(keys).contains(NssKeyId.of(second.publicKey())).doesNotContain(NssKeyId.of(first.publicKey()));
    }

    @Test
    void existingCertificateMadeByCertutil_isReadAndRenewedInPlace() {
        certutil("-N", "-d", "sql:" + db, "--empty-password").assertSuccess();
        shell.run("sh", "-c", "head -c 2048 /dev/urandom > noise").assertSuccess();
        certutil("-S", "-d", "sql:" + db, "-n", "caSigningCert cert-pki-ca", "-s", "CN=Existing", "-x", "-t", "CT,C,C",
                "-k", "rsa", "-g", "2048", "-z", dir.resolve("noise").toString()).assertSuccess();
        NssDatabase store = store("caSigningCert cert-pki-ca");

        Certificate existing = store.readCertificate(Optional.empty()).orElseThrow();
        Csr renewal = store.request(content(), Optional.empty(), false, Optional.empty());

        assertThat(existing.subject()).isEqualTo(DistinguishedName.parse("CN=Existing"));
        assertThat(store.hasKey(Optional.empty())).isTrue();
        assertThat(renewal.publicKey()).isEqualTo(existing.publicKey());
    }

    @Test
    void passwordProtectedDatabase_worksWithItsPin_andAWrongPinIsUnauthorized() throws Exception {
        Files.writeString(dir.resolve("pw"), "s3cret\n");
        certutil("-N", "-d", "sql:" + db, "-f", dir.resolve("pw").toString()).assertSuccess();
        NssDatabase store = store("pin");

        Certificate cert = enroll(store, KeySpec.EC_P256, Optional.of(Secret.of("s3cret")));

        assertThat(store.readCertificate(Optional.empty())).contains(cert);
        assertThatThrownBy(() -> store.generateKey(KeySpec.EC_P256, Optional.of(Secret.of("wrong")), content()))
                .isInstanceOf(BrevetException.class).hasMessageContaining("wrong or missing PIN")
                .satisfies(e -> assertThat(((BrevetException) e).kind()).isEqualTo(ErrorKind.UNAUTHORIZED));
        assertThatThrownBy(() -> store.hasKey(Optional.empty()))
                .satisfies(e -> assertThat(((BrevetException) e).kind()).isEqualTo(ErrorKind.UNAUTHORIZED));
    }

    @Test
    void legacyDbmDatabase_isRefused_andLeftUntouched() throws Exception {
        certutil("-N", "-d", "dbm:" + db, "--empty-password").assertSuccess();
        NssDatabase store = store("old");

        assertThatThrownBy(() -> store.generateKey(KeySpec.EC_P256, Optional.empty(), content()))
                .isInstanceOf(BrevetException.class).hasMessageContaining("legacy dbm format");
        assertThat(db.resolve("cert9.db")).doesNotExist();
        assertThat(db.resolve("cert8.db")).exists();
        assertThatThrownBy(() -> new NssDatabase("dbm:" + db, "old", null, certutil, NO_MODES, random))
                .hasMessageContaining("only the sql: format");
    }

    @Test
    void missingDirectory_isAnError_andIsNotCreated() {
        NssDatabase store = new NssDatabase("sql:" + dir.resolve("nope"), "x", null, certutil, NO_MODES, random);

        assertThat(store.readCertificate(Optional.empty())).isEmpty();
        assertThatThrownBy(() -> store.generateKey(KeySpec.EC_P256, Optional.empty(), content()))
                .hasMessageContaining("does not exist");
        assertThat(dir.resolve("nope")).doesNotExist();
    }

    @Test
    void keyAndCertModes_applyToTheDatabaseFiles() throws Exception {
        NssDatabase store = new NssDatabase("sql:" + db, "modes", null, certutil,
                new PemFiles.Modes(null, 0640, null, 0644), random);

        enroll(store, KeySpec.EC_P256, Optional.empty());

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(db.resolve("key4.db")))).isEqualTo("rw-r-----");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(db.resolve("cert9.db")))).isEqualTo("rw-r--r--");
    }

    /** A SoftHSM token attached to the database with modutil, as httpd/389-ds users attach HSMs (softhsm2 package). */
    @Test
    void pkcs11TokenAttachedWithModutil_holdsKeyAndCertificate() throws Exception {
        Path tokens = Files.createDirectories(dir.resolve("softhsm/tokens"));
        Path conf = Files.writeString(dir.resolve("softhsm/softhsm2.conf"), "directories.tokendir = " + tokens
                + "\nobjectstore.backend = file\nlog.level = ERROR\nslots.removable = false\n");
        ProcessRunner hsm = shell.env("SOFTHSM2_CONF", conf.toString());
        hsm.run("softhsm2-util", "--init-token", "--free", "--label", "brevettok", "--pin", "1234", "--so-pin", "5678")
                .assertSuccess();
        certutil("-N", "-d", "sql:" + db, "--empty-password").assertSuccess();
        hsm.stdin("\n").run("modutil", "-dbdir", "sql:" + db, "-add", "SoftHSM", "-libfile",
                "/usr/lib/softhsm/libsofthsm2.so", "-force").assertSuccess();
        Certutil withHsm = new Certutil("certutil", Duration.ofMinutes(1), java.util.Map.of("SOFTHSM2_CONF", conf.toString()));
        NssDatabase store = new NssDatabase("sql:" + db, "hsm cert", "brevettok", withHsm, NO_MODES, random);
        Optional<Secret> pin = Optional.of(Secret.of("1234"));

        Certificate first = enroll(store, KeySpec.EC_P256, pin);
        Certificate second = enroll(store, KeySpec.EC_P256, pin);

        String listed = hsm.stdin("1234").run("certutil", "-L", "-d", "sql:" + db, "-h", "brevettok", "-n",
                "brevettok:hsm cert", "-a", "-f", "/dev/stdin").assertSuccess().stdout();
        assertThat(Certificate.parseAll(listed)).containsExactly(second);
        String keys = hsm.stdin("1234").run("certutil", "-K", "-d", "sql:" + db, "-h", "brevettok", "-f", "/dev/stdin")
                .assertSuccess().stdout();
        assertThat(keys).contains(NssKeyId.of(second.publicKey()) + "   brevettok:hsm cert")
                .doesNotContain(NssKeyId.of(first.publicKey()));
        assertThat(certutil("-K", "-d", "sql:" + db).stdout()).doesNotContain(NssKeyId.of(second.publicKey()));
        assertThatThrownBy(() -> store.readCertificate(Optional.of(Secret.of("0000"))))
                .hasMessageContaining("wrong or missing PIN");
    }

    @Test
    void selfSign_signsTheRequestWithItsKeyInTheDatabase_copyingItsExtensions() {
        NssDatabase store = store("self");
        KeyAndCertStore.NewKey key = store.generateKey(KeySpec.EC_P256, Optional.empty(), content());
        Csr csr = store.request(content(), Optional.empty(), false, key.request());

        Certificate cert = store.selfSign(csr, Duration.ofDays(365), Optional.empty()).orElseThrow();

        assertThat(cert.verifiedBy(csr.publicKey())).isTrue();
        assertThat(cert.issuer()).isEqualTo(cert.subject()).isEqualTo(csr.subject());
        assertThat(cert.subjectAltNames()).containsExactlyElementsOf(content().subjectAltNames());
        assertThat(Duration.between(cert.notBefore(), cert.notAfter()).toDays()).isBetween(364L, 366L);
        store.save(cert, List.of(), Optional.empty(), false);
        assertThat(store.readCertificate(Optional.empty())).contains(cert);
    }

    @Test
    void missingCertutil_isAClearError() {
        NssDatabase store = new NssDatabase("sql:" + db, "x", null, new Certutil("/nonexistent/certutil",
                Duration.ofSeconds(5)), NO_MODES, random);

        assertThatThrownBy(() -> store.generateKey(KeySpec.EC_P256, Optional.empty(), content()))
                .hasMessageContaining("libnss3-tools");
    }
}
