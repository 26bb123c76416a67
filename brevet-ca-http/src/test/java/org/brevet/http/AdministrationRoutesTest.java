package org.brevet.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AdministrationRoutesTest {
    private final RouteHarness http = RouteHarness.secure();

    @AfterEach
    void stop() {
        http.close();
    }

    @Test
    void profilesWithoutClientCertificate_is401() throws Exception {
        assertThat(http.get("/ca/rest/profiles", null).statusCode()).isEqualTo(401);
    }

    @Test
    void profileShow_returnsDefinitionAndMetadata() throws Exception {
        JsonNode p = JsonBody.of(http.get("/ca/rest/profiles/caServerCert", "agent"));

        assertThat(p.get("id").asText()).isEqualTo("caServerCert");
        assertThat(p.get("enabled").asBoolean()).isTrue();
        assertThat(p.get("definition").asText()).isEqualTo("id: caServerCert\n");
        assertThat(p.get("updatedAt").asText()).isEqualTo("2026-11-23T20:00:00Z");
        assertThat(p.get("updatedBy").asText()).isEqualTo("$System$");
    }

    @Test
    void profileAddWithRawDefinition_byAdmin_isStored() throws Exception {
        HttpResponse<String> r = http.post("/ca/rest/profiles", "admin", "id: myProfile\n");

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(JsonBody.of(r).get("id").asText()).isEqualTo("myProfile");
        assertThat(JsonBody.of(http.get("/ca/rest/profiles", "agent")).get("profiles")).hasSize(2);
    }

    @Test
    void profileAddByAgent_is403() throws Exception {
        assertThat(http.post("/ca/rest/profiles", "agent", "id: x\n").statusCode()).isEqualTo(403);
    }

    @Test
    void profileModifyThenDisable_changesIt() throws Exception {
        http.put("/ca/rest/profiles/caServerCert", "admin", "id: caServerCert\n# v2\n");
        JsonNode p = JsonBody.of(http.post("/ca/rest/profiles/caServerCert/disable", "agent", ""));

        assertThat(p.get("enabled").asBoolean()).isFalse();
        assertThat(p.get("definition").asText()).isEqualTo("id: caServerCert\n# v2\n");
        assertThat(JsonBody.of(http.post("/ca/rest/profiles/caServerCert/enable", "agent", "")).get("enabled").asBoolean()).isTrue();
    }

    @Test
    void userList_showsRolesLowerCaseAndCertificates() throws Exception {
        JsonNode users = JsonBody.of(http.get("/ca/rest/admin/users", "admin")).get("users");

        JsonNode admin = users.get(1);
        assertThat(admin.get("userId").asText()).isEqualTo("caadmin");
        assertThat(admin.get("fullName").asText()).isEqualTo("CA Administrator");
        assertThat(admin.get("roles").toString()).isEqualTo("[\"administrator\",\"agent\"]");
        JsonNode cert = admin.get("certificates").get(0);
        assertThat(cert.get("serial").asText()).isEqualTo("0xc");
        assertThat(cert.get("subject").asText()).isEqualTo("CN=admin,O=Test");
        assertThat(cert.get("pem").asText()).startsWith("-----BEGIN CERTIFICATE-----");
    }

    @Test
    void usersByAgent_is403() throws Exception {
        assertThat(http.get("/ca/rest/admin/users", "agent").statusCode()).isEqualTo(403);
    }

    @Test
    void userAddRoleAndCertificate_isReflectedInShow() throws Exception {
        HttpResponse<String> added = http.post("/ca/rest/admin/users", "admin",
                "{\"userId\":\"jdoe\",\"fullName\":\"J Doe\",\"roles\":[\"agent\"]}");
        http.post("/ca/rest/admin/users/jdoe/roles", "admin", "{\"role\":\"auditor\"}");
        String pem = "-----BEGIN CERTIFICATE-----\\n"
                + Base64.getEncoder().encodeToString(http.authority.strangerCert.getEncoded()) + "\\n-----END CERTIFICATE-----\\n";
        http.post("/ca/rest/admin/users/jdoe/certs", "admin", "{\"certificate\":\"" + pem + "\"}");

        assertThat(added.statusCode()).isEqualTo(200);
        JsonNode user = JsonBody.of(http.get("/ca/rest/admin/users/jdoe", "admin"));
        assertThat(user.get("roles").toString()).isEqualTo("[\"agent\",\"auditor\"]");
        assertThat(user.get("certificates").get(0).get("subject").asText()).isEqualTo("CN=stranger,O=Test");
        assertThat(http.get("/ca/rest/agent/certrequests", "stranger").statusCode())
                .as("the mapped certificate now authenticates jdoe").isEqualTo(200);
    }

    @Test
    void userAddWithUnknownRole_is400() throws Exception {
        HttpResponse<String> r = http.post("/ca/rest/admin/users", "admin", "{\"userId\":\"x\",\"roles\":[\"wizard\"]}");

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(JsonBody.of(r).get("detail").asText()).contains("wizard");
    }

    @Test
    void userAddTwice_is409() throws Exception {
        assertThat(http.post("/ca/rest/admin/users", "admin", "{\"userId\":\"agent1\"}").statusCode()).isEqualTo(409);
    }
}
