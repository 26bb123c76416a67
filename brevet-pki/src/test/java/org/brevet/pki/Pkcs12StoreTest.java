package org.brevet.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Pkcs12StoreTest {
    private static final Instant NOW = Instant.now();
    private static final Secret PASSWORD = Secret.of("Secret.123");

    @TempDir
    Path dir;

    private final TestPkis pki = TestPkis.create(KeySpec.EC_P256, NOW);
    private final KeyPair serverKeys = KeySpec.RSA_2048.generate(TestPkis.RANDOM);
    private final Certificate server = pki.issue(serverKeys, "CN=localhost", List.of(SubjectAltName.dns("localhost"),
            SubjectAltName.ip("127.0.0.1")), List.of(ExtendedKeyUsage.SERVER_AUTH, ExtendedKeyUsage.CLIENT_AUTH), NOW);

    private Pkcs12Store store() {
        return Pkcs12Store.empty()
                .withKey("Server-Cert", serverKeys.getPrivate(), List.of(server, pki.ca()))
                .withTrusted("caSigningCert", pki.ca());
    }

    @Test
    void write_thenRead_roundTripsAliasesKeysAndChains() throws Exception {
        Path file = dir.resolve("keys.p12");
        store().write(file, PASSWORD, TestPkis.RANDOM);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");

        Pkcs12Store back = Pkcs12Store.read(file, PASSWORD);
        assertThat(back.aliases()).containsExactly("Server-Cert", "caSigningCert");
        Pkcs12Store.KeyEntry key = back.keyEntry("Server-Cert").orElseThrow();
        assertThat(key.privateKey().getEncoded()).isEqualTo(serverKeys.getPrivate().getEncoded());
        assertThat(key.chain()).containsExactly(server, pki.ca());
        assertThat(back.trustedCertificate("caSigningCert")).contains(pki.ca());
        assertThat(back.keyEntry("caSigningCert")).isEmpty();

        Csr signedWithLoadedKey = new CsrBuilder().subject(server.subject()).build(key.signer());
        signedWithLoadedKey.verifySignature();
    }

    @Test
    void write_opensslWithoutLegacyProviderReadsKeyAndCertificates() throws Exception {
        store().write(dir.resolve("keys.p12"), PASSWORD, TestPkis.RANDOM);

        OpensslProcess.Result info = OpensslProcess.run(dir, "pkcs12", "-in", "keys.p12", "-info", "-noout",
                "-passin", "pass:Secret.123").assertOk();
        assertThat(info.stderr()).contains("MAC: sha256").contains("PBES2, PBKDF2, AES-256-CBC")
                .doesNotContain("RC2").doesNotContain("3DES");

        String pem = OpensslProcess.run(dir, "pkcs12", "-in", "keys.p12", "-nodes", "-passin", "pass:Secret.123").assertOk().stdout();
        assertThat(pem).contains("friendlyName: Server-Cert", "friendlyName: caSigningCert");
        assertThat(PrivateKeys.parse(pem).getEncoded()).isEqualTo(serverKeys.getPrivate().getEncoded());
        assertThat(Certificate.parseAll(pem)).contains(server, pki.ca());

        assertThat(OpensslProcess.run(dir, "pkcs12", "-in", "keys.p12", "-nodes", "-passin", "pass:wrong").exitCode()).isNotZero();
    }

    @Test
    void write_jdkKeyStoreReadsIt() throws Exception {
        byte[] bytes = store().encode(PASSWORD, TestPkis.RANDOM);
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(new ByteArrayInputStream(bytes), PASSWORD.chars());
        assertThat(ks.isKeyEntry("Server-Cert")).isTrue();
        assertThat(ks.isCertificateEntry("caSigningCert")).isTrue();
        PrivateKey k = (PrivateKey) ks.getKey("Server-Cert", PASSWORD.chars());
        assertThat(k.getEncoded()).isEqualTo(serverKeys.getPrivate().getEncoded());
        assertThat(ks.getCertificateChain("Server-Cert")).hasSize(2);
    }

    @Test
    void toKeyStore_feedsJdkKeyAndTrustManagers() throws Exception {
        KeyStore ks = store().toKeyStore(PASSWORD);
        javax.net.ssl.KeyManagerFactory kmf = javax.net.ssl.KeyManagerFactory.getInstance("PKIX");
        kmf.init(ks, PASSWORD.chars());
        javax.net.ssl.X509KeyManager km = (javax.net.ssl.X509KeyManager) kmf.getKeyManagers()[0];
        String alias = km.chooseServerAlias("RSA", null, null);
        assertThat(alias).isNotNull();
        assertThat(km.getCertificateChain(alias)).containsExactly(server.toX509(), pki.ca().toX509());
        javax.net.ssl.TrustManagerFactory tmf = javax.net.ssl.TrustManagerFactory.getInstance("PKIX");
        tmf.init(ks);
        javax.net.ssl.X509TrustManager tm = (javax.net.ssl.X509TrustManager) tmf.getTrustManagers()[0];
        assertThat(tm.getAcceptedIssuers()).contains(pki.ca().toX509());
        tm.checkServerTrusted(new java.security.cert.X509Certificate[] {server.toX509()}, "ECDHE_RSA");
    }

    @Test
    void read_opensslExportedFile_rebuildsTheEntry() throws Exception {
        Files.writeString(dir.resolve("k.pem"), PrivateKeys.toPem(serverKeys.getPrivate()));
        Files.writeString(dir.resolve("c.pem"), server.toPem());
        Files.writeString(dir.resolve("ca.pem"), pki.ca().toPem());
        OpensslProcess.run(dir, "pkcs12", "-export", "-inkey", "k.pem", "-in", "c.pem", "-certfile", "ca.pem",
                "-name", "Server-Cert", "-passout", "pass:pw", "-out", "o.p12").assertOk();
        Pkcs12Store back = Pkcs12Store.read(dir.resolve("o.p12"), Secret.of("pw"));
        assertThat(back.aliases()).containsExactly("Server-Cert");
        assertThat(back.keyEntry("Server-Cert").orElseThrow().chain()).containsExactly(server, pki.ca());
    }

    @Test
    void read_opensslLegacy3desFile_isReadable() throws Exception {
        Files.writeString(dir.resolve("k.pem"), PrivateKeys.toPem(serverKeys.getPrivate()));
        Files.writeString(dir.resolve("c.pem"), server.toPem());
        OpensslProcess.run(dir, "pkcs12", "-export", "-inkey", "k.pem", "-in", "c.pem", "-name", "old",
                "-keypbe", "PBE-SHA1-3DES", "-certpbe", "PBE-SHA1-3DES", "-macalg", "sha1",
                "-passout", "pass:pw", "-out", "old.p12").assertOk();
        Pkcs12Store back = Pkcs12Store.read(dir.resolve("old.p12"), Secret.of("pw"));
        assertThat(back.keyEntry("old").orElseThrow().chain()).containsExactly(server);
        assertThatThrownBy(() -> Pkcs12Store.read(dir.resolve("old.p12"), Secret.of("bad")))
                .isInstanceOfSatisfying(BrevetException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.UNAUTHORIZED));
    }

    @Test
    void read_jdkKeyStoreWrittenFile_isReadable() throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        ks.setKeyEntry("subsystemCert", serverKeys.getPrivate(), PASSWORD.chars(),
                new java.security.cert.Certificate[] {server.toX509(), pki.ca().toX509()});
        ks.setCertificateEntry("trusted ca", pki.ca().toX509());
        Path file = dir.resolve("jdk.p12");
        try (var out = Files.newOutputStream(file)) {
            ks.store(out, PASSWORD.chars());
        }
        Pkcs12Store back = Pkcs12Store.read(file, PASSWORD);
        assertThat(back.keyEntry("subsystemcert").or(() -> back.keyEntry("subsystemCert"))).isPresent();
        assertThat(back.entries().values()).hasAtLeastOneElementOfType(Pkcs12Store.TrustedEntry.class);
    }

    @Test
    void read_wrongPassword_isUnauthorizedNamingTheFile() {
        Path file = dir.resolve("keys.p12");
        store().write(file, PASSWORD, TestPkis.RANDOM);
        assertThatThrownBy(() -> Pkcs12Store.read(file, Secret.of("nope")))
                .isInstanceOfSatisfying(BrevetException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.UNAUTHORIZED);
                    assertThat(e.detail()).isEqualTo("wrong password for PKCS#12 file " + file);
                });
    }

    @Test
    void read_garbage_isMalformed() throws Exception {
        Path file = dir.resolve("x.p12");
        Files.writeString(file, "this is not pkcs12");
        assertThatThrownBy(() -> Pkcs12Store.read(file, PASSWORD))
                .isInstanceOfSatisfying(BrevetException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.MALFORMED));
        byte[] good = store().encode(PASSWORD, TestPkis.RANDOM);
        assertThatThrownBy(() -> Pkcs12Store.decode(java.util.Arrays.copyOf(good, good.length / 2), PASSWORD, "half.p12"))
                .isInstanceOfSatisfying(BrevetException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.MALFORMED));
    }

    @Test
    void convertedPem_worksAsCurlClientCertificateAgainstOpensslServer() throws Exception {
        KeyPair clientKeys = KeySpec.EC_P256.generate(TestPkis.RANDOM);
        Certificate client = pki.issue(clientKeys, "UID=admin,CN=Administrator", List.of(),
                List.of(ExtendedKeyUsage.CLIENT_AUTH), NOW);
        Pkcs12Store.empty().withKey("admin", clientKeys.getPrivate(), List.of(client, pki.ca()))
                .write(dir.resolve("admin.p12"), PASSWORD, TestPkis.RANDOM);
        String adminPem = OpensslProcess.run(dir, "pkcs12", "-in", "admin.p12", "-nodes", "-passin", "pass:Secret.123")
                .assertOk().stdout();
        Files.writeString(dir.resolve("admin.pem"), adminPem);
        Files.writeString(dir.resolve("ca.pem"), pki.ca().toPem());
        Files.writeString(dir.resolve("server.pem"), server.toPem());
        Files.writeString(dir.resolve("server.key"), PrivateKeys.toPem(serverKeys.getPrivate()));

        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Process server = new ProcessBuilder("openssl", "s_server", "-accept", "127.0.0.1:" + port, "-cert", "server.pem",
                "-key", "server.key", "-CAfile", "ca.pem", "-Verify", "1", "-verify_return_error", "-www", "-quiet")
                .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(dir.resolve("s_server.log").toFile()).start();
        try {
            awaitPort(port);
            Process curl = new ProcessBuilder("curl", "-sS", "--fail", "--cacert", "ca.pem", "--cert", "admin.pem",
                    "--resolve", "localhost:" + port + ":127.0.0.1", "https://localhost:" + port + "/")
                    .directory(dir.toFile()).redirectErrorStream(true).start();
            String out = new String(curl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(curl.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(curl.exitValue()).as(out + Files.readString(dir.resolve("s_server.log"))).isZero();
            assertThat(out).contains("Administrator");
        } finally {
            server.destroy();
            server.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static void awaitPort(int port) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (System.nanoTime() < deadline) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException e) {
                TimeUnit.MILLISECONDS.sleep(50);
            }
        }
        throw new AssertionError("openssl s_server did not start on port " + port);
    }
}
