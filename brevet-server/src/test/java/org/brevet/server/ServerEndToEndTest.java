package org.brevet.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSession;
import org.brevet.pki.Certificate;
import org.brevet.pki.KeySpec;
import java.util.List;
import org.brevet.testkit.Openssl;
import org.brevet.testkit.ProcessResult;
import org.brevet.testkit.ProcessRunner;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole server in process: {@code ca init} on H2 in a temporary directory, served on ephemeral ports;
 * clients are java.net.http (with and without the administrator's PKCS#12) and openssl.
 */
class ServerEndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;

    private static InstanceLayout layout;
    private static BrevetServer server;
    private static HttpClient admin;
    private static HttpClient anonymous;

    @BeforeAll
    static void start() throws Exception {
        layout = TestInstances.create(dir.resolve("ca"), KeySpec.EC_P256);
        server = BrevetServer.start(layout, Clock.systemUTC(), new SecureRandom());
        admin = client(adminKeys());
        anonymous = client(null);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static KeyManagerFactory adminKeys() throws Exception {
        return TestHttps.adminKeys(layout);
    }

    private static HttpClient client(KeyManagerFactory keys) throws Exception {
        return TestHttps.client(layout, keys);
    }

    private URI https(String path) {
        return URI.create("https://localhost:" + server.httpsPort() + path);
    }

    private HttpResponse<String> send(HttpClient client, HttpRequest.Builder request) throws IOException, InterruptedException {
        return client.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> r) throws IOException {
        return JSON.readTree(r.body());
    }

    @Test
    void anonymousCsr_isPending_agentApproves_andOpensslVerifiesTheCertificate() throws Exception {
        Openssl openssl = new Openssl(dir);
        openssl.newRsaCsr("host.key", "host.csr", "/CN=host.example.com", 2048);
        String csr = Files.readString(dir.resolve("host.csr"));
        String body = JSON.createObjectNode().put("profileId", "caServerCert").put("csr", csr).toString();

        HttpResponse<String> submitted = send(anonymous, HttpRequest.newBuilder(https("/ca/rest/certrequests"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)));

        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(200);
        String id = json(submitted).get("requestId").asText();
        assertThat(json(submitted).get("status").asText()).isEqualTo("pending");

        HttpResponse<String> pending = send(admin, HttpRequest.newBuilder(https("/ca/rest/agent/certrequests?status=pending")));
        assertThat(pending.statusCode()).as(pending.body()).isEqualTo(200);
        assertThat(json(pending).get("requests").findValuesAsText("requestId")).contains(id);

        HttpResponse<String> approved = send(admin, HttpRequest.newBuilder(https("/ca/rest/agent/certrequests/" + id + "/approve"))
                .POST(HttpRequest.BodyPublishers.ofString("{}")));
        assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
        assertThat(json(approved).get("status").asText()).isEqualTo("complete");
        Files.writeString(dir.resolve("host.pem"), json(approved).get("certificate").asText());

        assertThat(openssl.verify(layout.caCertificate().toString(), "host.pem").output()).contains("host.pem: OK");
        assertThat(openssl.x509Text("host.pem")).contains("DNS:host.example.com");
        HttpResponse<String> status = send(anonymous, HttpRequest.newBuilder(https("/ca/rest/certrequests/" + id)));
        assertThat(json(status).get("serial").asText()).isEqualTo(json(approved).get("serial").asText());
    }

    @Test
    void curlWithTheAdminCredentialConvertedByOpenssl_approvesARequest() throws Exception {
        Openssl openssl = new Openssl(dir);
        openssl.newEcCsr("curl.key", "curl.csr", "/CN=curl.example.com", "P-256");
        String body = JSON.createObjectNode().put("profileId", "caECServerCert")
                .put("csr", Files.readString(dir.resolve("curl.csr"))).toString();
        HttpResponse<String> submitted = send(anonymous, HttpRequest.newBuilder(https("/ca/rest/certrequests"))
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        String id = json(submitted).get("requestId").asText();
        String password = Files.readString(layout.adminPasswordFile()).strip();
        Files.writeString(dir.resolve("admin.pem"), openssl.pkcs12ToPem(layout.adminCredential().toString(), password));

        ProcessResult curl = ProcessRunner.in(dir).run(List.of("curl", "-sS", "--cert", "admin.pem",
                "--cacert", layout.caCertificate().toString(), "-X", "POST", "-H", "Content-Type: application/json",
                "-d", "{}", "https://localhost:" + server.httpsPort() + "/ca/rest/agent/certrequests/" + id + "/approve"));

        curl.assertSuccess();
        assertThat(JSON.readTree(curl.stdout()).get("status").asText()).isEqualTo("complete");
        assertThat(JSON.readTree(curl.stdout()).get("certificate").asText()).startsWith("-----BEGIN CERTIFICATE-----");
    }

    @Test
    void agentPathWithoutClientCertificate_is401() throws Exception {
        HttpResponse<String> r = send(anonymous, HttpRequest.newBuilder(https("/ca/rest/agent/certrequests")));

        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(json(r).get("error").asText()).isEqualTo("unauthorized");
    }

    @Test
    void clientCertificateFromAnotherCa_neverReachesAnAgentPath() throws Exception {
        SecureRandom random = new SecureRandom();
        java.security.KeyPair key = KeySpec.EC_P256.generate(random);
        org.brevet.pki.DistinguishedName name = org.brevet.pki.DistinguishedName.parse("CN=PKI Administrator,UID=caadmin");
        Certificate foreign = new org.brevet.pki.CertificateBuilder().serial(org.brevet.pki.SerialNumber.random(random))
                .issuer(name).subject(name).validity(java.time.Instant.now(), java.time.Instant.now().plusSeconds(3600))
                .publicKey(key.getPublic()).build(org.brevet.pki.Signer.of(key.getPrivate(), key.getPublic()));
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        ks.setKeyEntry("foreign", key.getPrivate(), new char[0], new java.security.cert.X509Certificate[] {foreign.toX509()});
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, new char[0]);

        int status;
        try {
            status = send(client(kmf), HttpRequest.newBuilder(https("/ca/rest/agent/certrequests"))).statusCode();
        } catch (IOException handshakeRefused) {
            status = -1;
        }

        assertThat(status).as("refused in the handshake (-1) or by the route (401)").isIn(-1, 401);
    }

    @Test
    void adminCertificate_isMappedToTheBootstrapAdministrator() throws Exception {
        HttpResponse<String> r = send(admin, HttpRequest.newBuilder(https("/ca/rest/admin/users/caadmin")));

        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(json(r).get("roles").toString()).isEqualTo("[\"administrator\",\"agent\"]");
    }

    @Test
    void https_negotiatesTls13() throws Exception {
        HttpResponse<String> r = send(anonymous, HttpRequest.newBuilder(https("/health")));

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.sslSession().map(SSLSession::getProtocol)).contains("TLSv1.3");
    }

    @Test
    void opensslClient_completesTls12AndVerifiesServerCertAgainstCaPem() {
        Openssl openssl = new Openssl(dir);

        ProcessResult tls12 = openssl.run("s_client", "-connect", "127.0.0.1:" + server.httpsPort(), "-tls1_2",
                "-servername", "localhost", "-verify_hostname", "localhost", "-CAfile", layout.caCertificate().toString());
        ProcessResult tls11 = openssl.run("s_client", "-connect", "127.0.0.1:" + server.httpsPort(), "-tls1_1",
                "-CAfile", layout.caCertificate().toString());

        assertThat(tls12.output()).contains("Protocol  : TLSv1.2").contains("Verify return code: 0 (ok)");
        assertThat(tls11.isSuccess()).isFalse();
    }

    @Test
    void tls11_isRefused() throws Exception {
        SSLContext tls = SSLContext.getInstance("TLSv1.1");
        tls.init(null, null, null);
        HttpClient old = HttpClient.newBuilder().sslContext(tls)
                .sslParameters(new javax.net.ssl.SSLParameters(null, new String[] {"TLSv1.1"})).build();

        assertThatThrownBy(() -> send(old, HttpRequest.newBuilder(https("/health")))).isInstanceOf(IOException.class);
    }

    @Test
    void plainHttp_servesOnlyPublicResources() throws Exception {
        HttpClient plain = HttpClient.newHttpClient();
        String base = "http://127.0.0.1:" + server.httpPort();

        HttpResponse<byte[]> der = plain.send(HttpRequest.newBuilder(URI.create(base + "/ca/cacert.der")).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        HttpResponse<String> health = plain.send(HttpRequest.newBuilder(URI.create(base + "/health")).build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> agent = plain.send(HttpRequest.newBuilder(URI.create(base + "/ca/rest/agent/certrequests")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(der.body()).isEqualTo(Certificate.parse(Files.readString(layout.caCertificate())).toDer().bytes());
        assertThat(json(health).get("status").asText()).isEqualTo("ready");
        assertThat(agent.statusCode()).isEqualTo(404);
    }

    @Test
    void boundPorts_areExposedAndDistinct() {
        assertThat(server.httpsPort()).isPositive();
        assertThat(server.httpPort()).isPositive().isNotEqualTo(server.httpsPort());
        assertThat(server.httpsUrl()).isEqualTo("https://localhost:" + server.httpsPort() + "/");
    }
}
