package org.brevet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.brevet.ca.api.KeyArchivalRequest;
import org.brevet.ca.api.RequestId;
import org.brevet.kra.KraKeys;
import org.brevet.pki.Certificate;
import org.brevet.pki.DistinguishedName;
import org.brevet.pki.KeySpec;
import org.brevet.pki.PrivateKeys;
import org.brevet.pki.PublicKeys;
import org.brevet.protocol.crmf.ArchiveOptions;
import org.brevet.protocol.crmf.KeyWrapAlgorithm;
import org.brevet.server.BrevetServer;
import org.brevet.server.InitOptions;
import org.brevet.server.InstanceLayout;
import org.brevet.server.Installer;
import org.brevet.server.KeyToken;
import org.brevet.server.config.ConfigFile;
import org.brevet.testkit.Openssl;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code brevet kra ...} against a real server: a certificate requested with the CLI, its key archived with
 * client-built PKIArchiveOptions, found, recovered by certificate serial, approved and retrieved as a PKCS#12
 * that openssl opens and whose key matches the certificate; the second retrieval and {@code kra init} on an
 * instance that has the keys are refused with one line.
 */
class KraCommandsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();

    @TempDir
    static Path dir;

    private static InstanceLayout layout;
    private static BrevetServer server;

    @BeforeAll
    static void start() {
        layout = InstanceLayout.of(dir.resolve("ca"));
        new Installer(Clock.systemUTC(), RANDOM).install(layout, new InitOptions(ConfigFile.parse(
                "server.bind = 127.0.0.1\nserver.hostnames = localhost\nserver.https.port = 0\nserver.http.port = 0\n"
                        + "server.threads.max = 16\ndb.pool.max = 4\n", "test", Path.of("/")),
                DistinguishedName.parse("CN=Test CA,O=EXAMPLE.COM"), KeySpec.EC_P256, Optional.empty(), Optional.empty()));
        server = BrevetServer.start(layout, Clock.systemUTC(), RANDOM);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static CliRun.Result brevet(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--instance", layout.root().toString(), "--url", "https://localhost:" + server.httpsPort()));
        return CliRun.run(all.toArray(String[]::new));
    }

    @Test
    void archivedKey_foundRequestedBySerialApprovedAndRetrieved_opensWithOpenssl() throws Exception {
        Path key = dir.resolve("alice.key");
        Path cert = dir.resolve("alice.pem");
        CliRun.Result enrolled = brevet("cert", "request", "--profile", "caUserCert", "--subject", "UID=alice,CN=Alice",
                "--key", "ec:p256", "--key-out", key.toString(), "--out", cert.toString(), "-o", "json");
        assertThat(enrolled.exitCode()).as(enrolled.err()).isZero();
        JsonNode request = JSON.readTree(enrolled.out());
        Certificate issued = Certificate.parse(Files.readString(cert));
        Certificate transport = KeyToken.open(layout).entry(KraKeys.TRANSPORT_NICKNAME).certificate();
        server.keyArchive().orElseThrow().archive(new KeyArchivalRequest(RequestId.parse(request.get("requestId").asText()),
                ArchiveOptions.wrap(PrivateKeys.read(key), transport.publicKey(), KeyWrapAlgorithm.AES_128_CBC_PAD, RANDOM).toDer(),
                PublicKeys.toDer(issued.publicKey()), issued.subject().rfc4514()));

        JsonNode found = JSON.readTree(brevet("kra", "key", "find", "--owner", "alice", "-o", "json").out());
        String keyId = found.get("entries").get(0).get("keyId").asText();
        assertThat(brevet("kra", "key", "show", keyId).out()).contains("Status:", "active", "UID=alice");
        CliRun.Result asked = brevet("kra", "recovery", "request", "--serial", issued.serial().toString(), "-o", "json");
        assertThat(asked.exitCode()).as(asked.err()).isZero();
        String requestId = JSON.readTree(asked.out()).get("requestId").asText();
        assertThat(JSON.readTree(asked.out()).get("keyId").asText()).isEqualTo(keyId);
        CliRun.Result approved = brevet("kra", "recovery", "approve", requestId);
        assertThat(approved.out()).contains("approved", "1 of 1 (caadmin)");
        Path passphrase = dir.resolve("passphrase.txt");
        Files.writeString(passphrase, "recovery passphrase\n");
        Path p12 = dir.resolve("alice-recovered.p12");
        CliRun.Result retrieved = brevet("kra", "recovery", "retrieve", requestId, "--passphrase-file", passphrase.toString(),
                "--out", p12.toString());

        assertThat(retrieved.exitCode()).as(retrieved.err()).isZero();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(p12))).isEqualTo("rw-------");
        Openssl openssl = new Openssl(dir);
        Files.writeString(dir.resolve("recovered.pem"), openssl.pkcs12ToPem(p12.toString(), "recovery passphrase"));
        String recoveredPublic = openssl.ok("pkey", "-in", dir.resolve("recovered.pem").toString(), "-pubout").stdout();
        String certPublic = openssl.ok("x509", "-in", cert.toString(), "-noout", "-pubkey").stdout();
        assertThat(recoveredPublic).isEqualTo(certPublic);

        CliRun.Result again = brevet("kra", "recovery", "retrieve", requestId, "--passphrase-file", passphrase.toString(),
                "--out", dir.resolve("again.p12").toString());
        assertThat(again.exitCode()).isEqualTo(ExitCode.REFUSED);
        assertThat(again.err()).startsWith("brevet: ").contains("already retrieved").hasLineCount(1);
        assertThat(Files.exists(dir.resolve("again.p12"))).isFalse();
    }

    @Test
    void kraInit_onAnInstanceThatHasTheKeys_isRefusedWithOneLine() {
        CliRun.Result r = CliRun.run("kra", "init", "--instance", layout.root().toString());

        assertThat(r.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err()).startsWith("brevet: the KRA keys already exist in ").hasLineCount(1);
    }

    @Test
    void recoveryRequest_withoutKeyIdOrSerial_isAUsageError() {
        CliRun.Result r = brevet("kra", "recovery", "request");

        assertThat(r.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err()).contains("--key-id").contains("--serial");
    }
}
