package org.brevet.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.brevet.ca.api.OcspAnswer;
import org.brevet.ca.api.Caller;
import org.brevet.ca.api.CrlDistribution;
import org.brevet.ca.api.CrlInfo;
import org.brevet.ca.api.OcspResponder;
import org.brevet.ca.api.Requester;
import org.brevet.ca.api.Revocation;
import org.brevet.ca.api.RevocationRecord;
import org.brevet.ca.api.RevocationRequest;
import org.brevet.ca.api.Role;
import org.brevet.pki.BrevetException;
import org.brevet.pki.Der;
import org.brevet.pki.ErrorKind;
import org.brevet.pki.RevocationReason;
import org.brevet.pki.SerialNumber;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Revocation, CRL and OCSP routes over fakes of the use cases: paths, bodies, statuses, content types. */
class StatusRoutesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant NOW = Instant.parse("2026-11-23T21:00:00Z");

    private final List<Requester> requesters = new ArrayList<>();
    private final List<RevocationRequest> requests = new ArrayList<>();
    private final List<byte[]> ocspRequests = new ArrayList<>();
    private final StatusServices status = new StatusServices(new FakeRevocation(), new FakeCrls(), request -> {
        ocspRequests.add(request);
        Der response = Der.of(new byte[] {0x30, 0x03, 0x0a, 0x01, 0x01});
        if (request.length > 0 && request[0] == 0x30) {
            // a "single nonce-less request": cacheable for ten minutes from now
            Instant now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
            return new OcspAnswer(response, Optional.of(new OcspAnswer.Freshness(now, now.plusSeconds(600))));
        }
        return OcspAnswer.uncacheable(response);
    });
    private RouteHarness harness;

    @AfterEach
    void stop() {
        harness.close();
    }

    @Test
    void agentRevoke_passesReasonDateCommentAndTheClientCertificate() throws Exception {
        harness = RouteHarness.secure(status);
        HttpResponse<String> r = harness.post("/ca/rest/agent/certs/1F:2E/revoke", "agent",
                "{\"reason\":\"Key_Compromise\",\"invalidityDate\":\"2026-11-20T00:00:00Z\",\"comment\":\"stolen\"}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode doc = JSON.readTree(r.body());
        assertThat(doc.get("serial").asText()).isEqualTo("0x1f2e");
        assertThat(doc.get("status").asText()).isEqualTo("REVOKED");
        assertThat(doc.get("reason").asText()).isEqualTo("keyCompromise");
        assertThat(doc.get("invalidityDate").asText()).isEqualTo("2026-11-20T00:00:00Z");
        assertThat(requests.get(0)).isEqualTo(new RevocationRequest(SerialNumber.parse("0x1f2e"), RevocationReason.KEY_COMPROMISE,
                Optional.of(Instant.parse("2026-11-20T00:00:00Z")), Optional.of("stolen")));
        assertThat(requesters.get(0).caller().hasRole(Role.AGENT)).isTrue();
        assertThat(requesters.get(0).clientCertificate()).isPresent();
    }

    @Test
    void holderRevoke_onTheEndEntityPath_isAnonymousWithItsCertificate() throws Exception {
        harness = RouteHarness.secure(status);
        HttpResponse<String> r = harness.post("/ca/rest/certs/0x1f2e/revoke", "stranger", "{\"reason\":\"superseded\"}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(requesters.get(0).caller().isAnonymous()).isTrue();
        assertThat(requesters.get(0).clientCertificate()).isPresent();
    }

    @Test
    void badRevocations_getOneClearError() throws Exception {
        harness = RouteHarness.secure(status);
        assertError(harness.post("/ca/rest/agent/certs/0x2/revoke", "agent", "{\"reason\":\"superseded\"}"), 409, "already_revoked");
        assertError(harness.post("/ca/rest/agent/certs/0x3/revoke", "agent", "{\"reason\":\"superseded\"}"), 404, "not_found");
        assertError(harness.post("/ca/rest/agent/certs/0x1f2e/revoke", "agent", "{}"), 400, "malformed");
        assertError(harness.post("/ca/rest/agent/certs/0x1f2e/revoke", "agent", "{\"reason\":\"lost\"}"), 400, "malformed");
        assertError(harness.post("/ca/rest/agent/certs/0x1f2e/revoke", "agent",
                "{\"reason\":\"1\",\"invalidityDate\":\"yesterday\"}"), 400, "malformed");
        assertError(harness.post("/ca/rest/agent/certs/zz/revoke", "agent", "{\"reason\":\"1\"}"), 400, "malformed");
        assertError(harness.post("/ca/rest/agent/certs/0x1f2e/revoke", null, "{\"reason\":\"1\"}"), 401, "unauthorized");
        assertError(harness.post("/ca/rest/agent/certs/0x2/unrevoke", "agent", "{}"), 409, "conflict");
        assertThat(requests).isEmpty();
    }

    @Test
    void unrevoke_answersValid() throws Exception {
        harness = RouteHarness.secure(status);
        HttpResponse<String> r = harness.post("/ca/rest/agent/certs/0x1f2e/unrevoke", "agent", "{\"comment\":\"found\"}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(JSON.readTree(r.body()).get("status").asText()).isEqualTo("VALID");
    }

    @Test
    void crlUpdate_andDownloads_onThePublicListener() throws Exception {
        harness = RouteHarness.secure(status);
        HttpResponse<String> updated = harness.post("/ca/rest/agent/crls/MasterCRL/update", "agent", "{}");
        assertThat(updated.statusCode()).as(updated.body()).isEqualTo(200);
        assertThat(JSON.readTree(updated.body()).get("number").asText()).isEqualTo("7");
        harness.close();

        harness = RouteHarness.publicOnly(status);
        for (String path : List.of("/crl/MasterCRL.crl", "/ca/ee/ca/getCRL?op=getCRL&crlIssuingPoint=MasterCRL")) {
            HttpResponse<byte[]> der = harness.getBytes(path);
            assertThat(der.statusCode()).isEqualTo(200);
            assertThat(der.headers().firstValue("Content-Type")).contains("application/pkix-crl");
            assertThat(der.body()).isEqualTo(new byte[] {1, 2, 3});
        }
        HttpResponse<String> pem = harness.get("/crl/MasterCRL.pem", null);
        assertThat(pem.body()).isEqualTo("-----BEGIN X509 CRL-----\nAQID\n-----END X509 CRL-----\n");
        assertThat(harness.getBytes("/ca/ee/ca/getCRL?op=getDeltaCRL&crlIssuingPoint=MasterCRL").body()).isEqualTo(new byte[] {4, 5});
        assertThat(harness.getBytes("/crl/MasterCRL-delta.crl").body()).isEqualTo(new byte[] {4, 5});
        assertError(harness.get("/ca/ee/ca/getCRL?op=getCRL&crlIssuingPoint=Nope", null), 404, "not_found");
        assertError(harness.get("/ca/ee/ca/getCRL?op=dance", null), 400, "malformed");
        assertError(harness.get("/crl/MasterCRL.txt", null), 404, "not_found");
        assertError(harness.post("/ca/rest/agent/crls/MasterCRL/update", "agent", "{}"), 404, "not_found");
    }

    @Test
    void ocsp_postAndGet_onBothPaths_base64WithPlusAndSlash() throws Exception {
        harness = RouteHarness.publicOnly(status);
        byte[] request = {(byte) 0xfb, (byte) 0xff, (byte) 0xbf, 0x30, 0x01};
        String b64 = Base64.getEncoder().encodeToString(request);
        assertThat(b64).contains("+").contains("/");
        HttpResponse<byte[]> post = harness.send(harness.request("/ca/ocsp", null)
                .header("Content-Type", "application/ocsp-request").POST(HttpRequest.BodyPublishers.ofByteArray(request)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(post.statusCode()).isEqualTo(200);
        assertThat(post.headers().firstValue("Content-Type")).contains("application/ocsp-response");
        assertThat(harness.getBytes("/ocsp/" + b64).statusCode()).isEqualTo(200);
        assertThat(harness.getBytes("/ca/ocsp/" + b64.replace("+", "%2B").replace("/", "%2F").replace("=", "%3D")).statusCode())
                .isEqualTo(200);
        harness.getBytes("/ocsp/not*base64!");
        assertThat(ocspRequests).hasSize(4);
        assertThat(ocspRequests.get(0)).isEqualTo(request);
        assertThat(ocspRequests.get(1)).isEqualTo(request);
        assertThat(ocspRequests.get(2)).isEqualTo(request);
        assertThat(ocspRequests.get(3)).isEmpty();
    }

    @Test
    void ocspGet_ofACacheableAnswer_carriesRfc5019CacheHeaders() throws Exception {
        harness = RouteHarness.publicOnly(status);
        byte[] cacheable = {0x30, 0x00};
        HttpResponse<byte[]> get = harness.getBytes("/ocsp/" + Base64.getEncoder().encodeToString(cacheable));
        assertThat(get.statusCode()).isEqualTo(200);
        String cacheControl = get.headers().firstValue("Cache-Control").orElseThrow();
        assertThat(cacheControl).matches("max-age=(59[0-9]|600), public, no-transform, must-revalidate");
        assertThat(get.headers().firstValue("Last-Modified")).hasValueSatisfying(v -> assertThat(v).endsWith(" GMT"));
        assertThat(get.headers().firstValue("Expires")).isPresent();
        assertThat(get.headers().firstValue("ETag")).hasValueSatisfying(v -> assertThat(v).matches("\"[0-9a-f]{64}\""));

        HttpResponse<byte[]> uncacheable = harness.getBytes("/ocsp/" + Base64.getEncoder().encodeToString(new byte[] {1, 2}));
        assertThat(uncacheable.headers().firstValue("Cache-Control")).isEmpty();
        HttpResponse<byte[]> post = harness.send(harness.request("/ocsp", null)
                .header("Content-Type", "application/ocsp-request").POST(HttpRequest.BodyPublishers.ofByteArray(cacheable)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(post.headers().firstValue("Cache-Control")).as("POST answers are not for HTTP caches").isEmpty();
    }

    @Test
    void oversizedOcspBody_isCutSoTheResponderRefusesIt() throws Exception {
        harness = RouteHarness.publicOnly(status);
        harness.send(harness.request("/ocsp", null).POST(HttpRequest.BodyPublishers.ofByteArray(new byte[60_000])).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(ocspRequests.get(0)).hasSize(OcspRoutes.MAX_REQUEST_BYTES);
    }

    private static void assertError(HttpResponse<String> r, int status, String kind) throws IOException {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(JSON.readTree(r.body()).get("error").asText()).isEqualTo(kind);
    }

    private final class FakeRevocation implements Revocation {
        @Override
        public RevocationRecord revoke(Requester requester, RevocationRequest request) {
            if (request.serial().equals(SerialNumber.parse("0x2"))) {
                throw new BrevetException(ErrorKind.ALREADY_REVOKED, "certificate 0x2 is already revoked");
            }
            if (request.serial().equals(SerialNumber.parse("0x3"))) {
                throw BrevetException.notFound("no certificate with serial 0x3");
            }
            requesters.add(requester);
            requests.add(request);
            return new RevocationRecord(request.serial(), request.reason(), NOW, request.invalidityDate(),
                    requester.caller().auditId(), request.comment(), NOW.plusSeconds(86400));
        }

        @Override
        public RevocationRecord releaseHold(Caller agent, SerialNumber serial, Optional<String> comment) {
            if (serial.equals(SerialNumber.parse("0x2"))) {
                throw new BrevetException(ErrorKind.CONFLICT, "certificate 0x2 is not on hold");
            }
            return new RevocationRecord(serial, RevocationReason.CERTIFICATE_HOLD, NOW, Optional.empty(), "agent",
                    Optional.empty(), NOW.plusSeconds(86400));
        }

        @Override
        public Optional<RevocationRecord> find(SerialNumber serial) {
            return Optional.empty();
        }
    }

    private static final class FakeCrls implements CrlDistribution {
        private static CrlInfo info(CrlInfo.Kind kind, int length) {
            return new CrlInfo("MasterCRL", kind, BigInteger.valueOf(7), kind == CrlInfo.Kind.DELTA
                    ? Optional.of(BigInteger.valueOf(6)) : Optional.empty(), NOW, NOW.plusSeconds(3600), 1, length);
        }

        private static void point(String p) {
            if (!p.equals("MasterCRL")) {
                throw BrevetException.notFound("unknown CRL issuing point '" + p + "'");
            }
        }

        @Override
        public CrlInfo update(Caller agent, String issuingPoint) {
            point(issuingPoint);
            return info(CrlInfo.Kind.FULL, 3);
        }

        @Override
        public Optional<CrlInfo> latest(String issuingPoint, CrlInfo.Kind kind) {
            point(issuingPoint);
            return Optional.of(info(kind, kind == CrlInfo.Kind.FULL ? 3 : 2));
        }

        @Override
        public CrlInfo copyLatest(String issuingPoint, CrlInfo.Kind kind, OutputStream out) {
            point(issuingPoint);
            try {
                out.write(kind == CrlInfo.Kind.FULL ? new byte[] {1, 2, 3} : new byte[] {4, 5});
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return info(kind, kind == CrlInfo.Kind.FULL ? 3 : 2);
        }
    }
}
