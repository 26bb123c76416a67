package org.brevet.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AgentRoutesTest {
    private final RouteHarness http = RouteHarness.secure();

    @BeforeEach
    void submitTwo() throws Exception {
        for (int i = 0; i < 2; i++) {
            http.post("/ca/rest/certrequests", null, EnrollmentRoutesTest.enroll("caServerCert", EnrollmentRoutesTest.CSR));
        }
    }

    @AfterEach
    void stop() {
        http.close();
    }

    @Test
    void listWithoutClientCertificate_is401() throws Exception {
        HttpResponse<String> r = http.get("/ca/rest/agent/certrequests?status=pending", null);

        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(JsonBody.of(r).get("error").asText()).isEqualTo("unauthorized");
        assertThat(JsonBody.of(r).get("detail").asText()).isEqualTo("a client certificate is required");
    }

    @Test
    void listWithUnknownClientCertificate_is401() throws Exception {
        assertThat(http.get("/ca/rest/agent/certrequests", "stranger").statusCode()).isEqualTo(401);
    }

    @Test
    void approveByUserWithoutAgentRole_is403AndRequestStaysPending() throws Exception {
        HttpResponse<String> r = http.post("/ca/rest/agent/certrequests/101/approve", "auditor", "");

        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(JsonBody.of(r).get("error").asText()).isEqualTo("unauthorized");
        assertThat(JsonBody.of(http.get("/ca/rest/certrequests/101", null)).get("status").asText()).isEqualTo("pending");
    }

    @Test
    void listPending_returnsPageNewestFirst() throws Exception {
        JsonNode body = JsonBody.of(http.get("/ca/rest/agent/certrequests?status=pending&start=0&size=1", "agent"));

        assertThat(body.get("requests")).hasSize(1);
        assertThat(body.get("requests").get(0).get("requestId").asText()).isEqualTo("102");
        assertThat(body.get("start").asInt()).isZero();
        assertThat(body.get("size").asInt()).isEqualTo(1);
        assertThat(body.get("hasMore").asBoolean()).isTrue();
    }

    @Test
    void listWithUnknownStatus_is400Malformed() throws Exception {
        HttpResponse<String> r = http.get("/ca/rest/agent/certrequests?status=sleeping", "agent");

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(JsonBody.of(r).get("detail").asText()).contains("sleeping");
    }

    @Test
    void listWithOversizedPage_is400() throws Exception {
        HttpResponse<String> r = http.get("/ca/rest/agent/certrequests?size=5000", "agent");

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(JsonBody.of(r).get("detail").asText()).startsWith("size:");
    }

    @Test
    void show_includesCsrAndSubmitter() throws Exception {
        JsonNode body = JsonBody.of(http.get("/ca/rest/agent/certrequests/101", "agent"));

        assertThat(body.get("csr").asText()).startsWith("-----BEGIN CERTIFICATE REQUEST-----");
        assertThat(body.get("submitter").asText()).isEmpty();
        assertThat(body.get("status").asText()).isEqualTo("pending");
    }

    @Test
    void approve_returnsCompleteWithCertificate_andSecondApprovalIs409() throws Exception {
        HttpResponse<String> first = http.post("/ca/rest/agent/certrequests/101/approve", "agent", "{}");
        HttpResponse<String> second = http.post("/ca/rest/agent/certrequests/101/approve", "agent", "");

        assertThat(first.statusCode()).isEqualTo(200);
        JsonNode body = JsonBody.of(first);
        assertThat(body.get("status").asText()).isEqualTo("complete");
        assertThat(body.get("serial").asText()).isEqualTo("0xabc0");
        assertThat(body.get("certificate").asText()).startsWith("-----BEGIN CERTIFICATE-----");
        assertThat(second.statusCode()).isEqualTo(409);
        assertThat(JsonBody.of(second).get("error").asText()).isEqualTo("conflict");
    }

    @Test
    void approveUnknownRequest_is404() throws Exception {
        assertThat(http.post("/ca/rest/agent/certrequests/999/approve", "agent", "").statusCode()).isEqualTo(404);
    }

    @Test
    void reject_recordsReason() throws Exception {
        JsonNode body = JsonBody.of(http.post("/ca/rest/agent/certrequests/101/reject", "agent", "{\"reason\":\"wrong host\"}"));

        assertThat(body.get("status").asText()).isEqualTo("rejected");
        assertThat(body.get("reason").asText()).isEqualTo("wrong host");
    }

    @Test
    void cancelWithoutBody_isCanceledWithoutReason() throws Exception {
        JsonNode body = JsonBody.of(http.post("/ca/rest/agent/certrequests/102/cancel", "admin", ""));

        assertThat(body.get("status").asText()).isEqualTo("canceled");
        assertThat(body.has("reason")).isFalse();
    }
}
