package org.brevet.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * README's five-minute tour, step for step, with the real launchers and openssl: a CSR made by openssl is
 * submitted anonymously, an agent approves it, the certificate is fetched and openssl verifies it.
 */
class TourInteropIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path tmp;

    static ServedInstance ca;

    @BeforeAll
    static void serve() throws Exception {
        ca = ServedInstance.init(tmp.resolve("instance")).start();
    }

    @AfterAll
    static void stop() throws Exception {
        if (ca != null) {
            ca.close();
        }
    }

    private static String caPem() {
        return ca.dir().resolve("certs/ca.pem").toString();
    }

    private static JsonNode json(Cli.Result r) throws Exception {
        return JSON.readTree(r.assertOk().stdout());
    }

    @Test
    void opensslEcCsr_submittedAnonymously_isApprovedByAgent_andVerifiesWithOpenssl() throws Exception {
        Path key = tmp.resolve("web.key");
        Path csr = tmp.resolve("web.csr");
        Cli.run(60, "openssl", "req", "-new", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
                "-keyout", key.toString(), "-subj", "/CN=web.example.com",
                "-addext", "subjectAltName=DNS:web.example.com", "-out", csr.toString()).assertOk();

        JsonNode submitted = json(Cli.brevet("--url", ca.httpsUrl(), "--ca-cert", caPem(), "cert", "request",
                "--profile", "caECServerCert", "--csr", csr.toString(), "-o", "json"));
        assertThat(submitted.path("status").asText()).isEqualTo("pending");
        String id = submitted.path("requestId").asText();

        JsonNode pending = json(Cli.brevet("--instance", ca.dir().toString(), "request", "list", "--status", "pending", "-o", "json"));
        assertThat(pending.toString()).contains("\"" + id + "\"");

        JsonNode approved = json(Cli.brevet("--instance", ca.dir().toString(), "request", "approve", id, "-o", "json"));
        assertThat(approved.path("status").asText()).isEqualTo("complete");
        String serial = approved.path("serial").asText();
        assertThat(serial).startsWith("0x");

        Cli.Result twice = Cli.brevet("--instance", ca.dir().toString(), "request", "approve", id);
        assertThat(twice.exitCode()).isEqualTo(1);
        assertThat(twice.stderr().strip()).startsWith("brevet:").doesNotContain("\n").doesNotContain("Exception");

        JsonNode found = json(Cli.brevet("--instance", ca.dir().toString(), "cert", "find", "--subject", "web.example.com", "-o", "json"));
        assertThat(found.toString()).contains(serial);

        Path pem = tmp.resolve("web.pem");
        Cli.brevet("--instance", ca.dir().toString(), "cert", "show", serial, "--pem", "--out", pem.toString()).assertOk();
        assertThat(Cli.run(60, "openssl", "verify", "-CAfile", caPem(), pem.toString()).assertOk().stdout()).contains(": OK");
        String text = Cli.run(60, "openssl", "x509", "-in", pem.toString(), "-noout", "-text").assertOk().stdout();
        assertThat(text).contains("TLS Web Server Authentication", "DNS:web.example.com", "OCSP - URI:",
                "X509v3 Authority Key Identifier", "CA Issuers - URI:");
        // the key openssl made matches the certificate
        String certKey = Cli.run(60, "openssl", "x509", "-in", pem.toString(), "-noout", "-pubkey").assertOk().stdout();
        String ownKey = Cli.run(60, "openssl", "pkey", "-in", key.toString(), "-pubout").assertOk().stdout();
        assertThat(certKey).isEqualTo(ownKey);
    }

    @Test
    void opensslRsaCsr_submittedByAgent_isIssuedAtOnce() throws Exception {
        Path csr = tmp.resolve("rsa.csr");
        Cli.run(60, "openssl", "req", "-new", "-newkey", "rsa:2048", "-nodes", "-keyout", tmp.resolve("rsa.key").toString(),
                "-subj", "/CN=rsa.example.com", "-out", csr.toString()).assertOk();
        Path out = tmp.resolve("rsa.pem");
        JsonNode issued = json(Cli.brevet("--instance", ca.dir().toString(), "cert", "request", "--profile", "caServerCert",
                "--csr", csr.toString(), "--out", out.toString(), "-o", "json"));
        assertThat(issued.path("status").asText()).isEqualTo("complete");
        assertThat(Cli.run(60, "openssl", "verify", "-CAfile", caPem(), out.toString()).assertOk().stdout()).contains(": OK");
    }

    @Test
    void garbageCsr_isRefusedLocally_withOneLine() throws Exception {
        Path junk = tmp.resolve("junk.csr");
        java.nio.file.Files.writeString(junk, "-----BEGIN CERTIFICATE REQUEST-----\nAAAA\n-----END CERTIFICATE REQUEST-----\n");
        Cli.Result r = Cli.brevet("--instance", ca.dir().toString(), "cert", "request", "--profile", "caServerCert", "--csr", junk.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.stderr().strip()).startsWith("brevet:").doesNotContain("\n").doesNotContain("Exception");
    }
}
