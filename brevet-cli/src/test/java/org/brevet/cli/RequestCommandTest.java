package org.brevet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.brevet.cli.FakeCaServer.Reply;
import org.junit.jupiter.api.Test;

class RequestCommandTest extends FakeServerTest {
    private static final String PAGE = "{\"requests\":[" + requestJson("21", "pending", null) + ","
            + "{\"requestId\":\"22\",\"profileId\":\"caUserCert\",\"status\":\"pending\",\"subject\":\"UID=jdoe\","
            + "\"createdAt\":\"2026-11-23T20:05:00Z\",\"updatedAt\":\"2026-11-23T20:05:00Z\"}],"
            + "\"start\":0,\"size\":2,\"hasMore\":true}";

    @Test
    void list_withStatus_sendsTheQuery_andPrintsATable() {
        server.on("GET /ca/rest/agent/certrequests", Reply.json(200, PAGE));
        CliRun.Result r = CliRun.run(agent("request", "list", "--status", "pending", "--size", "2"));

        assertThat(r.exitCode()).as(r.err()).isZero();
        FakeCaServer.Recorded sent = server.only();
        assertThat(sent.method()).isEqualTo("GET");
        assertThat(sent.query()).isEqualTo("status=pending&start=0&size=2");
        assertThat(sent.clientSubject()).contains("CN=agent007,O=Brevet Test");
        assertThat(r.out().lines()).containsExactly(
                "ID  STATUS   PROFILE       CREATED               SUBJECT",
                "21  pending  caServerCert  2026-11-23T20:00:00Z  CN=www.example.com",
                "22  pending  caUserCert    2026-11-23T20:05:00Z  UID=jdoe",
                "(more results: use --start 2)");
    }

    @Test
    void list_asJson_isValidJsonWithTheRequests() throws Exception {
        server.on("GET /ca/rest/agent/certrequests", Reply.json(200, PAGE));
        CliRun.Result r = CliRun.run(agent("request", "list", "--output", "json"));
        JsonNode doc = parse(r.out());
        assertThat(doc.get("requests")).hasSize(2);
        assertThat(doc.get("requests").get(1).get("subject").asText()).isEqualTo("UID=jdoe");
        assertThat(doc.get("hasMore").asBoolean()).isTrue();
    }

    @Test
    void show_printsFieldsAndTheCsr() throws Exception {
        String csr = "-----BEGIN CERTIFICATE REQUEST-----\nMIIB\n-----END CERTIFICATE REQUEST-----\n";
        server.on("GET /ca/rest/agent/certrequests/21", Reply.json(200, JSON.createObjectNode()
                .put("requestId", "21").put("status", "pending").put("profileId", "caServerCert")
                .put("submitter", "anonymous").put("csr", csr).toString()));
        CliRun.Result r = CliRun.run(agent("request", "show", "21"));
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("Request ID: 21\n", "Submitter:  anonymous\n", csr);
        CliRun.Result json = CliRun.run(agent("request", "show", "21", "-o", "json"));
        assertThat(parse(json.out()).get("csr").asText()).isEqualTo(csr);
    }

    @Test
    void approve_postsAnEmptyObject_andPrintsTheSerial() throws Exception {
        server.on("POST /ca/rest/agent/certrequests/21/approve", Reply.json(200, requestJson("21", "complete", pem("server.pem"))));
        CliRun.Result r = CliRun.run(agent("request", "approve", "21"));
        assertThat(r.exitCode()).isZero();
        assertThat(server.only().body()).isEqualTo("{}");
        assertThat(r.out()).containsPattern("Status: +complete").contains("Serial:     0x1f2e");
    }

    @Test
    void reject_and_cancel_sendTheReason() throws Exception {
        server.on("POST /ca/rest/agent/certrequests/21/reject", Reply.json(200, "{\"requestId\":\"21\",\"status\":\"rejected\",\"reason\":\"no\"}"));
        server.on("POST /ca/rest/agent/certrequests/22/cancel", Reply.json(200, "{\"requestId\":\"22\",\"status\":\"canceled\"}"));
        assertThat(CliRun.run(agent("request", "reject", "21", "--reason", "not our \"host\"")).exitCode()).isZero();
        assertThat(CliRun.run(agent("request", "cancel", "22")).exitCode()).isZero();
        assertThat(parse(server.requests().get(0).body()).get("reason").asText()).isEqualTo("not our \"host\"");
        assertThat(server.requests().get(1).body()).isEqualTo("{}");
    }

    @Test
    void unknownRequest_exits1_withOneLine() {
        server.on("POST /ca/rest/agent/certrequests/99/approve", Reply.error(404, "not_found", "no request 99"));
        CliRun.Result r = CliRun.run(agent("request", "approve", "99"));
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("brevet: no request 99 [not_found]\n");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void approvingTwice_conflict_exits1() {
        server.on("POST /ca/rest/agent/certrequests/21/approve", Reply.error(409, "conflict", "request 21 is already complete"));
        CliRun.Result r = CliRun.run(agent("request", "approve", "21"));
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("brevet: request 21 is already complete [conflict]\n");
    }

    @Test
    void withoutAgentRole_forbidden_exits1() {
        server.on("GET /ca/rest/agent/certrequests", Reply.error(403, "unauthorized", "user jdoe is not an agent"));
        CliRun.Result r = CliRun.run(agent("request", "list"));
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("brevet: user jdoe is not an agent [unauthorized]\n");
    }

    @Test
    void serverInternalError_exits5() {
        server.on("GET /ca/rest/agent/certrequests", Reply.error(500, "internal", "internal error, see server log for request 4f2a"));
        CliRun.Result r = CliRun.run(agent("request", "list"));
        assertThat(r.exitCode()).isEqualTo(5);
        assertThat(r.err()).isEqualTo("brevet: internal error, see server log for request 4f2a [internal]\n");
    }

    @Test
    void serverUnavailable_exits5() {
        server.on("GET /ca/rest/agent/certrequests", Reply.error(503, "unavailable", "database unreachable"));
        assertThat(CliRun.run(agent("request", "list")).exitCode()).isEqualTo(5);
    }

    @Test
    void errorWithoutErrorDocument_stillOneLine() {
        server.on("GET /ca/rest/agent/certrequests", new Reply(502, "text/html", "<html>bad gateway</html>"));
        CliRun.Result r = CliRun.run(agent("request", "list"));
        assertThat(r.exitCode()).isEqualTo(5);
        assertThat(r.err()).isEqualTo("brevet: HTTP 502 for GET /ca/rest/agent/certrequests (no error detail from the server)\n");
    }

    @Test
    void successWithGarbageBody_isReportedNotThrown() {
        server.on("GET /ca/rest/agent/certrequests/5", new Reply(200, "text/plain", "surprise"));
        CliRun.Result r = CliRun.run(agent("request", "show", "5"));
        assertThat(r.exitCode()).isEqualTo(5);
        assertThat(r.err()).startsWith("brevet: the server's answer to GET /ca/rest/agent/certrequests/5 is not the expected JSON");
        assertThat(r.err().lines()).hasSize(1);
    }

    @Test
    void idWithSlash_isEncodedAsOneSegment() {
        CliRun.Result r = CliRun.run(agent("request", "show", "../certs"));
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(server.only().path()).isEqualTo("/ca/rest/agent/certrequests/..%2Fcerts");
    }
}
