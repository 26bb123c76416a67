package org.brevet.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** Shared set-up of the command tests: openssl-made TLS material, a fresh fake CA server per test. */
abstract class FakeServerTest {
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path pkiDir;

    static TestPkiFiles pki;

    FakeCaServer server;

    @BeforeAll
    static void makePki() throws Exception {
        pki = TestPkiFiles.create(pkiDir);
    }

    @BeforeEach
    void startServer() throws Exception {
        server = FakeCaServer.start(pki.path("server.p12"), TestPkiFiles.SERVER_P12_PASSWORD, pki.path("ca.pem"));
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    /** {@code brevet CMD... --url https://localhost:PORT --ca-cert ca.pem} (anonymous). */
    String[] anonymous(String... cmd) {
        List<String> a = new ArrayList<>(List.of(cmd));
        a.addAll(List.of("--url", server.url("localhost").toString(), "--ca-cert", pki.path("ca.pem").toString()));
        return a.toArray(new String[0]);
    }

    /** Like {@link #anonymous} plus the client credential (an agent). */
    String[] agent(String... cmd) {
        List<String> a = new ArrayList<>(List.of(anonymous(cmd)));
        a.addAll(List.of("--p12", pki.path("client.p12").toString(),
                "--p12-password-file", pki.path("client-pw.txt").toString()));
        return a.toArray(new String[0]);
    }

    static String pem(String file) throws Exception {
        return Files.readString(pki.path(file));
    }

    /** A request document as the server sends it. */
    static String requestJson(String id, String status, String certificatePem) {
        ObjectNode n = JSON.createObjectNode().put("requestId", id).put("profileId", "caServerCert").put("status", status)
                .put("subject", "CN=www.example.com").put("createdAt", "2026-11-23T20:00:00Z")
                .put("updatedAt", "2026-11-23T20:00:01Z");
        if (certificatePem != null) {
            n.put("serial", "0x1f2e").put("certificate", certificatePem);
        }
        return n.toString();
    }

    static JsonNode parse(String json) throws Exception {
        return JSON.readTree(json);
    }
}
