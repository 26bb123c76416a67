package org.brevet.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.brevet.pki.BrevetException;
import org.brevet.pki.ErrorKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ErrorMapperTest {
    private final RouteHarness http = RouteHarness.secure();

    @AfterEach
    void stop() {
        http.close();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "MALFORMED, 400", "BAD_SIGNATURE, 400", "BAD_POP, 400", "UNKNOWN_PROFILE, 400", "NOT_FOUND, 404",
        "CONFLICT, 409", "ALREADY_REVOKED, 409", "REJECTED_BY_POLICY, 422", "UNAVAILABLE, 503"})
    void everyKind_mapsToItsStatusAndLowerCaseName(ErrorKind kind, int status) throws Exception {
        http.authority.failure.set(new BrevetException(kind, "the detail"));

        HttpResponse<String> r = http.post("/ca/rest/certrequests", null, EnrollmentRoutesTest.enroll("caServerCert", "x"));

        assertThat(r.statusCode()).isEqualTo(status);
        JsonNode body = JsonBody.of(r);
        assertThat(body.get("error").asText()).isEqualTo(kind.name().toLowerCase());
        assertThat(body.get("detail").asText()).isEqualTo("the detail");
        assertThat(body.size()).isEqualTo(2);
    }

    @Test
    void unexpectedException_is500WithLogIdAndNoInternals() throws Exception {
        http.authority.failure.set(new IllegalStateException("secret internals at com.example.Foo"));

        HttpResponse<String> r = http.post("/ca/rest/certrequests", null, EnrollmentRoutesTest.enroll("caServerCert", "x"));

        assertThat(r.statusCode()).isEqualTo(500);
        JsonNode body = JsonBody.of(r);
        assertThat(body.get("error").asText()).isEqualTo("internal");
        assertThat(body.get("detail").asText()).matches("internal error, see server log for request \\d+");
        assertThat(r.body()).doesNotContain("secret internals").doesNotContain("Exception").doesNotContain("at org.");
    }

    @Test
    void internalKind_isAlso500WithoutItsDetail() throws Exception {
        http.authority.failure.set(new BrevetException(ErrorKind.INTERNAL, "disk layout details"));

        HttpResponse<String> r = http.post("/ca/rest/certrequests", null, EnrollmentRoutesTest.enroll("caServerCert", "x"));

        assertThat(r.statusCode()).isEqualTo(500);
        assertThat(r.body()).doesNotContain("disk layout");
    }

    @Test
    void bodyOverLimit_is413AndNothingStored() throws Exception {
        String huge = "{\"profileId\":\"caServerCert\",\"csr\":\"" + "A".repeat((int) HttpApi.MAX_BODY_BYTES) + "\"}";

        HttpResponse<String> r = http.post("/ca/rest/certrequests", null, huge);

        assertThat(r.statusCode()).isEqualTo(413);
        assertThat(JsonBody.of(r).get("error").asText()).isEqualTo("malformed");
        assertThat(JsonBody.of(r).get("detail").asText()).isEqualTo("request body larger than 65536 bytes");
        assertThat(http.authority.requests).isEmpty();
    }

    @Test
    void chunkedBodyOverLimit_is413() throws Exception {
        byte[] huge = new byte[(int) HttpApi.MAX_BODY_BYTES + 10];
        java.util.Arrays.fill(huge, (byte) 'A');
        HttpRequest req = http.request("/ca/rest/profiles", "admin")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(huge))).build();

        HttpResponse<String> r = http.send(req);

        assertThat(r.statusCode()).isEqualTo(413);
    }

    @Test
    void unknownPath_is404Json() throws Exception {
        HttpResponse<String> r = http.get("/ca/rest/nothing-here", null);

        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(JsonBody.of(r).get("error").asText()).isEqualTo("not_found");
        assertThat(JsonBody.of(r).get("detail").asText()).isEqualTo("no such resource: GET /ca/rest/nothing-here");
    }

    @Test
    void health_isReadyOr503WithReason() throws Exception {
        assertThat(JsonBody.of(http.get("/health", null)).get("status").asText()).isEqualTo("ready");

        http.authority.storeDown.set("database unreachable: jdbc:h2:/x: refused");
        HttpResponse<String> down = http.get("/health", null);

        assertThat(down.statusCode()).isEqualTo(503);
        assertThat(JsonBody.of(down).get("status").asText()).isEqualTo("unavailable");
        assertThat(JsonBody.of(down).get("detail").asText()).isEqualTo("database unreachable: jdbc:h2:/x: refused");
    }
}
