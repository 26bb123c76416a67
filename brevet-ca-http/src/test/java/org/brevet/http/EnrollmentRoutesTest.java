package org.brevet.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EnrollmentRoutesTest {
    static final String CSR = "-----BEGIN CERTIFICATE REQUEST-----\\nMIIB\\n-----END CERTIFICATE REQUEST-----\\n";

    private final RouteHarness http = RouteHarness.secure();

    @AfterEach
    void stop() {
        http.close();
    }

    static String enroll(String profile, String csr) {
        return "{\"profileId\":\"" + profile + "\",\"csr\":\"" + csr + "\"}";
    }

    @Test
    void anonymousSubmit_returnsPendingRequestShape() throws Exception {
        HttpResponse<String> r = http.post("/ca/rest/certrequests", null, enroll("caServerCert", CSR));

        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode body = JsonBody.of(r);
        assertThat(body.get("requestId").asText()).isEqualTo("101");
        assertThat(body.get("requestId").isTextual()).isTrue();
        assertThat(body.get("profileId").asText()).isEqualTo("caServerCert");
        assertThat(body.get("status").asText()).isEqualTo("pending");
        assertThat(body.get("subject").asText()).isEqualTo("CN=host.example.com");
        assertThat(body.get("createdAt").asText()).isEqualTo("2026-11-23T20:00:00Z");
        assertThat(body.get("updatedAt").asText()).isEqualTo("2026-11-23T20:00:00Z");
        assertThat(body.has("serial")).isFalse();
        assertThat(body.has("certificate")).isFalse();
        assertThat(body.has("csr")).as("the CSR is only in the agent view").isFalse();
    }

    @Test
    void agentSubmit_isCompleteWithSerialAndCertificate() throws Exception {
        JsonNode body = JsonBody.of(http.post("/ca/rest/certrequests", "agent", enroll("caServerCert", CSR)));

        assertThat(body.get("status").asText()).isEqualTo("complete");
        assertThat(body.get("serial").asText()).isEqualTo("0xabc0");
        assertThat(body.get("certificate").asText()).startsWith("-----BEGIN CERTIFICATE-----\n");
    }

    @Test
    void statusOfKnownRequest_returnsSameShape() throws Exception {
        http.post("/ca/rest/certrequests", null, enroll("caServerCert", CSR));

        JsonNode body = JsonBody.of(http.get("/ca/rest/certrequests/101", null));

        assertThat(body.get("requestId").asText()).isEqualTo("101");
        assertThat(body.get("status").asText()).isEqualTo("pending");
    }

    @Test
    void statusOfUnknownRequest_is404NotFound() throws Exception {
        HttpResponse<String> r = http.get("/ca/rest/certrequests/999", null);

        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(JsonBody.of(r).get("error").asText()).isEqualTo("not_found");
        assertThat(JsonBody.of(r).get("detail").asText()).isEqualTo("no request 999");
    }

    @Test
    void statusWithNonNumericId_is400Malformed() throws Exception {
        HttpResponse<String> r = http.get("/ca/rest/certrequests/abc", null);

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(JsonBody.of(r).get("error").asText()).isEqualTo("malformed");
    }

    @Test
    void unknownProfile_is400UnknownProfile() throws Exception {
        HttpResponse<String> r = http.post("/ca/rest/certrequests", null, enroll("noSuchProfile", CSR));

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(JsonBody.of(r).get("error").asText()).isEqualTo("unknown_profile");
        assertThat(JsonBody.of(r).get("detail").asText()).isEqualTo("no enabled profile 'noSuchProfile'");
    }

    @Test
    void garbageCsr_is400MalformedAndNothingStored() throws Exception {
        HttpResponse<String> r = http.post("/ca/rest/certrequests", null, enroll("caServerCert", "garbage"));

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(JsonBody.of(r).get("error").asText()).isEqualTo("malformed");
        assertThat(http.authority.requests).isEmpty();
    }

    @Test
    void missingCsrField_is400NamingTheField() throws Exception {
        HttpResponse<String> r = http.post("/ca/rest/certrequests", null, "{\"profileId\":\"caServerCert\"}");

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(JsonBody.of(r).get("error").asText()).isEqualTo("malformed");
        assertThat(JsonBody.of(r).get("detail").asText()).isEqualTo("csr: required");
    }

    @Test
    void invalidJson_is400Malformed() throws Exception {
        HttpResponse<String> r = http.post("/ca/rest/certrequests", null, "{\"profileId\": ");

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(JsonBody.of(r).get("error").asText()).isEqualTo("malformed");
        assertThat(JsonBody.of(r).get("detail").asText()).startsWith("request body is not valid JSON");
    }

    @Test
    void enrollableProfiles_listsSummaries() throws Exception {
        JsonNode body = JsonBody.of(http.get("/ca/rest/certrequests/profiles", null));

        JsonNode p = body.get("profiles").get(0);
        assertThat(p.get("id").asText()).isEqualTo("caServerCert");
        assertThat(p.get("name").asText()).isEqualTo("Server certificate");
        assertThat(p.get("description").asText()).isEqualTo("TLS server");
        assertThat(p.get("enabled").asBoolean()).isTrue();
        assertThat(p.get("visible").asBoolean()).isTrue();
    }
}
