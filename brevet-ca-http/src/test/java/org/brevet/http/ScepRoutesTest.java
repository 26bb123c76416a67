package org.brevet.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.brevet.ca.api.Caller;
import org.brevet.ca.api.Role;
import org.brevet.ca.api.Scep;
import org.brevet.ca.api.ScepChallenge;
import org.brevet.pki.BrevetException;
import org.brevet.pki.Der;
import org.brevet.pki.DistinguishedName;
import org.brevet.pki.ErrorKind;
import org.brevet.pki.Secret;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ScepRoutesTest {
    private static final byte[] MESSAGE = {0x30, 0x03, 0x02, 0x01, 0x07};

    private final RecordingScep scep = new RecordingScep();
    private RouteHarness http;

    @AfterEach
    void stop() {
        http.close();
    }

    @Test
    void getCaCapsAndGetCaCert_onThePlainPort_atBothPaths() throws Exception {
        http = RouteHarness.publicOnly(scep);
        HttpResponse<String> caps = http.get("/ca/cgi-bin/pkiclient.exe?operation=GetCACaps", null);
        assertThat(caps.statusCode()).isEqualTo(200);
        assertThat(caps.body()).isEqualTo("AES\nSCEPStandard\n");
        HttpResponse<byte[]> certs = http.getBytes("/scep?operation=GetCACert");
        assertThat(certs.headers().firstValue("Content-Type")).contains("application/x-x509-ca-ra-cert");
        assertThat(certs.body()).isEqualTo(new byte[] {1, 2});
    }

    @Test
    void pkiOperation_postBodyAndGetBase64_reachTheServiceWithTheProfileOfThePath() throws Exception {
        http = RouteHarness.publicOnly(scep);
        HttpResponse<byte[]> post = http.send(HttpRequest.newBuilder(uri("/scep/caUserCert?operation=PKIOperation"))
                .POST(HttpRequest.BodyPublishers.ofByteArray(MESSAGE)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(post.statusCode()).isEqualTo(200);
        assertThat(post.headers().firstValue("Content-Type")).contains("application/x-pki-message");
        assertThat(post.body()).isEqualTo(new byte[] {9});

        String b64 = Base64.getEncoder().encodeToString(MESSAGE);
        assertThat(http.get("/ca/cgi-bin/pkiclient.exe?operation=PKIOperation&message=" + b64, null).statusCode())
                .isEqualTo(200);
        assertThat(scep.operations).containsExactly(Optional.of("caUserCert"), Optional.empty());
        assertThat(scep.messages).containsExactly(Der.of(MESSAGE), Der.of(MESSAGE));
    }

    @Test
    void garbageBody_unknownOperation_andMissingMessage_are400() throws Exception {
        http = RouteHarness.publicOnly(scep);
        HttpResponse<String> garbage = http.send(HttpRequest.newBuilder(uri("/scep?operation=PKIOperation"))
                .POST(HttpRequest.BodyPublishers.ofString("garbage")).build());
        assertThat(garbage.statusCode()).isEqualTo(400);
        assertThat(http.get("/scep?operation=Nonsense", null).statusCode()).isEqualTo(400);
        assertThat(http.get("/scep?operation=PKIOperation", null).statusCode()).isEqualTo(400);
        assertThat(http.get("/scep?operation=PKIOperation&message=%25%25%25", null).statusCode()).isEqualTo(400);
    }

    @Test
    void challenge_isCreatedForAnAgent_201WithThePassword() throws Exception {
        http = RouteHarness.secure(scep);
        HttpResponse<String> r = http.post(ScepRoutes.AGENT_PATH, "agent",
                "{\"subject\": \"CN=device.example.com\", \"validForSeconds\": 600}");
        assertThat(r.statusCode()).isEqualTo(201);
        assertThat(r.body()).contains("\"password\":\"s3cret-once\"").contains("CN=device.example.com");
        assertThat(scep.validities).containsExactly(Duration.ofMinutes(10));
    }

    @Test
    void challenge_isNotOnThePlainPort_andNeedsAUser() throws Exception {
        http = RouteHarness.publicOnly(scep);
        assertThat(http.post(ScepRoutes.AGENT_PATH, "agent", "{}").statusCode()).isEqualTo(404);
        http.close();
        http = RouteHarness.secure(scep);
        assertThat(http.post(ScepRoutes.AGENT_PATH, null, "{}").statusCode()).isEqualTo(401);
        assertThat(scep.validities).isEmpty();
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + http.port() + path);
    }

    /** The SCEP port as the routes see it: answers fixed bytes and records what reached it. */
    private static final class RecordingScep implements Scep {
        final List<Optional<String>> operations = new ArrayList<>();
        final List<Der> messages = new ArrayList<>();
        final List<Duration> validities = new ArrayList<>();

        @Override
        public String capabilities() {
            return "AES\nSCEPStandard\n";
        }

        @Override
        public Der caCertificates() {
            return Der.of(new byte[] {1, 2});
        }

        @Override
        public Der pkiOperation(Optional<String> profileId, Der message) {
            if (message.bytes().length == 0 || message.bytes()[0] != 0x30) {
                throw new BrevetException(ErrorKind.MALFORMED, "not a pkiMessage");
            }
            operations.add(profileId);
            messages.add(message);
            return Der.of(new byte[] {9});
        }

        @Override
        public ScepChallenge createChallenge(Caller caller, Optional<DistinguishedName> subject, Duration validFor) {
            if (!caller.hasRole(Role.AGENT)) {
                throw new BrevetException(ErrorKind.UNAUTHORIZED, "agents only");
            }
            validities.add(validFor);
            return new ScepChallenge(Secret.of("s3cret-once"), subject.map(DistinguishedName::rfc4514),
                    Instant.parse("2026-11-24T00:00:00Z"));
        }
    }
}
