package org.brevet.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.brevet.ca.audit.AuditVerification;
import org.brevet.ca.audit.AuditVerifier;
import org.brevet.pki.Certificate;
import org.brevet.pki.DistinguishedName;
import org.brevet.pki.KeySpec;
import org.brevet.pki.Pkcs12Store;
import org.brevet.pki.Secret;
import org.brevet.server.InitOptions;
import org.brevet.server.InstanceLayout;
import org.brevet.server.Installer;
import org.brevet.server.KeyToken;
import org.brevet.server.PasswordFiles;
import org.brevet.server.config.ConfigFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code brevet serve} as a process: ready on /health, and SIGTERM stops it cleanly and promptly. */
class ServeProcessTest {
    private static final Pattern SERVING = Pattern.compile("serving https://localhost:(\\d+)/ \\(HTTPS\\) and http://localhost:(\\d+)/");

    @TempDir
    Path dir;

    @Test
    void sigterm_stopsListenersAndClosesTheDatabase() throws Exception {
        InstanceLayout layout = InstanceLayout.of(dir.resolve("ca"));
        new Installer(Clock.systemUTC(), new SecureRandom()).install(layout, new InitOptions(
                ConfigFile.parse("server.bind = 127.0.0.1\nserver.https.port = 0\nserver.http.port = 0\n", "test", dir),
                DistinguishedName.parse("CN=Test CA"), KeySpec.EC_P256, Optional.empty(), Optional.empty()));
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process server = new ProcessBuilder(List.of(java.toString(), "-cp", System.getProperty("java.class.path"),
                ServeMain.class.getName(), "--instance", layout.root().toString()))
                .redirectError(dir.resolve("serve.err").toFile()).start();
        try {
            CompletableFuture<Matcher> serving = CompletableFuture.supplyAsync(() -> awaitLine(server));
            Matcher ports = serving.get(120, TimeUnit.SECONDS);
            int httpPort = Integer.parseInt(ports.group(2));
            HttpResponse<String> health = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/health")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);

            server.destroy();

            assertThat(server.waitFor(30, TimeUnit.SECONDS)).as("stopped within 30 s").isTrue();
            String log = Files.readString(dir.resolve("serve.err"));
            assertThat(log).contains("BrevetServer - stopping").contains("BrevetServer - stopped")
                    .doesNotContain("Exception");
            Secret pin = PasswordFiles.readEntry(layout.passwordFile(), PasswordFiles.INTERNAL_TOKEN);
            Certificate auditCert = Pkcs12Store.read(layout.keyToken(), pin).keyEntry(KeyToken.AUDIT_SIGNING)
                    .orElseThrow().certificate();
            AuditVerification audit = new AuditVerifier(auditCert).verify(layout.auditDir());
            assertThat(audit.intact()).as(audit.toString()).isTrue();
            assertThat(audit.signatures()).as("sealed by auditSigningCert at shutdown").isPositive();
        } finally {
            server.destroyForcibly();
        }
        Files.writeString(layout.configFile(), "server.bind = 127.0.0.1\nserver.https.port = 0\nserver.http.port = 0\n");
        try (var again = org.brevet.server.BrevetServer.start(layout, Clock.systemUTC(), new SecureRandom())) {
            assertThat(again.httpsPort()).as("the database reopens after the shutdown").isPositive();
        }
    }

    private static Matcher awaitLine(Process process) {
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = out.readLine()) != null; ) {
                Matcher m = SERVING.matcher(line);
                if (m.find()) {
                    return m;
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        throw new AssertionError("brevet serve exited before serving");
    }
}
