package org.brevet.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import org.brevet.pki.Certificate;
import org.brevet.pki.CertificateBuilder;
import org.brevet.pki.Csr;
import org.brevet.pki.CsrBuilder;
import org.brevet.pki.Der;
import org.brevet.pki.DistinguishedName;
import org.brevet.pki.KeySpec;
import org.brevet.pki.KeyUsage;
import org.brevet.pki.Pkcs12Store;
import org.brevet.pki.Secret;
import org.brevet.pki.SerialNumber;
import org.brevet.pki.Signer;
import org.brevet.pki.SubjectAltName;
import org.brevet.protocol.cmc.CmcFailInfo;
import org.brevet.protocol.cmc.CmcStatus;
import org.brevet.protocol.cmc.CmcStatusInfo;
import org.brevet.protocol.cmc.FullPkiRequestBuilder;
import org.brevet.protocol.cmc.FullPkiResponse;
import org.brevet.testkit.Openssl;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seed 002 §5.3.1 through the running server: a PKCS#10 wrapped in a Full PKI Request signed by an agent
 * (the bootstrap administrator) is posted to {@code /ca/ee/ca/profileSubmitCMCFull?profileId=...}; the CA
 * answers a signed Full PKI Response with CMCStatusInfoV2 SUCCESS, the certificate and the chain, which
 * openssl parses and whose certificate openssl verifies. A request signed by someone who is not an agent,
 * or by a key this CA never certified, gets badIdentity and nothing is issued; garbage gets badRequest.
 */
class CmcEndToEndTest {
    private static final SecureRandom RANDOM = new SecureRandom();

    @TempDir
    static Path dir;

    private static InstanceLayout layout;
    private static BrevetServer server;
    private static HttpClient https;

    @BeforeAll
    static void start() throws Exception {
        layout = TestInstances.create(dir.resolve("ca"), KeySpec.EC_P256);
        server = BrevetServer.start(layout, Clock.systemUTC(), RANDOM);
        https = TestHttps.client(layout, null);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void agentSignedPkcs10_isIssuedAtOnce_andTheResponseIsCmsThatOpensslReads() throws Exception {
        Pkcs12Store.KeyEntry agent = adminEntry();
        Csr csr = csr("CN=cmc1.example.test", "cmc1.example.test");
        FullPkiRequestBuilder request = new FullPkiRequestBuilder();
        long bodyPart = request.addPkcs10(csr);
        request.transactionId(BigInteger.valueOf(4242)).senderNonce(Der.of(new byte[] {0x04, 0x03, 1, 2, 3}));
        Der signed = request.signedBy(agent.signer(), agent.chain().get(0), agent.chain());

        FullPkiResponse response = post("caECServerCert", signed.bytes());

        assertThat(response.statuses()).hasSize(1);
        CmcStatusInfo status = response.statuses().get(0);
        assertThat(status.status()).as(status.toString()).isEqualTo(CmcStatus.SUCCESS);
        assertThat(status.bodyList()).containsExactly(bodyPart);
        assertThat(response.transactionId()).contains(BigInteger.valueOf(4242));
        assertThat(response.recipientNonce()).isPresent();
        Certificate issued = response.certificates().stream()
                .filter(c -> c.subject().equals(DistinguishedName.parse("CN=cmc1.example.test"))).findFirst().orElseThrow();
        Path certFile = Files.writeString(dir.resolve("cmc1.pem"), issued.toPem());
        Openssl openssl = new Openssl(dir);
        assertThat(openssl.ok("verify", "-CAfile", layout.caCertificate().toString(), certFile.toString()).output()).contains(": OK");
        Files.write(dir.resolve("response.der"), lastResponse);
        assertThat(openssl.ok("cms", "-cmsout", "-print", "-inform", "DER", "-in", "response.der").output())
                .contains("id-cct-PKIResponse").contains("CN=cmc1.example.test");
    }

    @Test
    void signedByAKeyThisCaNeverCertified_isBadIdentity_andNothingIsIssued() throws Exception {
        KeyPair key = KeySpec.EC_P256.generate(RANDOM);
        Signer signer = Signer.of(key.getPrivate(), key.getPublic());
        DistinguishedName name = DistinguishedName.parse("CN=Not An Agent");
        Certificate selfMade = new CertificateBuilder().serial(SerialNumber.random(RANDOM)).issuer(name).subject(name)
                .validity(Instant.now().minusSeconds(60), Instant.now().plus(Duration.ofDays(1))).publicKey(key.getPublic())
                .keyUsage(EnumSet.of(KeyUsage.DIGITAL_SIGNATURE)).build(signer);
        FullPkiRequestBuilder request = new FullPkiRequestBuilder();
        request.addPkcs10(csr("CN=cmc2.example.test", "cmc2.example.test"));

        FullPkiResponse response = post("caECServerCert", request.signedBy(signer, selfMade, List.of(selfMade)).bytes());

        assertThat(response.statuses().get(0).status()).isEqualTo(CmcStatus.FAILED);
        assertThat(response.statuses().get(0).failInfo()).contains(CmcFailInfo.BAD_IDENTITY);
        assertThat(response.certificates()).noneMatch(c -> c.subject().equals(DistinguishedName.parse("CN=cmc2.example.test")));
    }

    @Test
    void garbageAndUnknownProfile_areBadRequest_inBand() throws Exception {
        FullPkiResponse garbage = post("caECServerCert", new byte[] {0x30, 0x03, 0x02, 0x01, 0x01});
        assertThat(garbage.statuses().get(0).failInfo()).contains(CmcFailInfo.BAD_REQUEST);

        Pkcs12Store.KeyEntry agent = adminEntry();
        FullPkiRequestBuilder request = new FullPkiRequestBuilder();
        request.addPkcs10(csr("CN=cmc3.example.test", "cmc3.example.test"));
        FullPkiResponse unknown = post("noSuchProfile", request.signedBy(agent.signer(), agent.chain().get(0), agent.chain()).bytes());
        assertThat(unknown.statuses().get(0).failInfo()).contains(CmcFailInfo.BAD_REQUEST);
        assertThat(unknown.statuses().get(0).statusString().orElse("")).contains("noSuchProfile");
    }

    private static byte[] lastResponse;

    private static FullPkiResponse post(String profile, byte[] body) throws Exception {
        HttpResponse<byte[]> r = https.send(HttpRequest.newBuilder(URI.create(server.httpsUrl() + "ca/ee/ca/profileSubmitCMCFull?profileId=" + profile))
                .header("Content-Type", "application/pkcs7-mime").POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/pkcs7-mime"));
        lastResponse = r.body();
        return FullPkiResponse.parse(r.body());
    }

    private static Pkcs12Store.KeyEntry adminEntry() throws Exception {
        Secret password = Secret.of(Files.readString(layout.adminPasswordFile()).strip());
        Pkcs12Store p12 = Pkcs12Store.read(layout.adminCredential(), password);
        return p12.keyEntry(p12.aliases().iterator().next()).orElseThrow();
    }

    private static Csr csr(String subject, String dns) {
        KeyPair key = KeySpec.EC_P256.generate(RANDOM);
        return new CsrBuilder().subject(DistinguishedName.parse(subject)).subjectAltNames(List.of(SubjectAltName.dns(dns)))
                .build(Signer.of(key.getPrivate(), key.getPublic()));
    }
}
