package org.brevet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.brevet.cli.FakeCaServer.Reply;
import org.brevet.pki.Certificate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** user, profile and ca-cert against the fake server. */
class AdminCommandsTest extends FakeServerTest {
    @TempDir
    Path work;

    private static final String USER = "{\"userId\":\"jdoe\",\"fullName\":\"Jane Doe\",\"roles\":[\"agent\"],"
            + "\"certificates\":[{\"serial\":\"0x1f\",\"subject\":\"CN=jdoe\",\"pem\":\"x\"}]}";

    @Test
    void userAdd_postsIdNameAndRoles() throws Exception {
        server.on("POST /ca/rest/admin/users", Reply.json(200, USER));
        CliRun.Result r = CliRun.run(agent("user", "add", "jdoe", "--role", "agent", "--role", "auditor", "--full-name", "Jane Doe"));
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode body = parse(server.only().body());
        assertThat(body.get("userId").asText()).isEqualTo("jdoe");
        assertThat(body.get("fullName").asText()).isEqualTo("Jane Doe");
        assertThat(body.get("roles").toString()).isEqualTo("[\"agent\",\"auditor\"]");
        assertThat(r.out()).contains("User ID:       jdoe\n", "Roles:         agent\n", "Certificate 1: 0x1f CN=jdoe\n");
    }

    @Test
    void userAdd_withoutRole_isAUsageError() {
        CliRun.Result r = CliRun.run(agent("user", "add", "jdoe"));
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).startsWith("brevet: Missing required option: '--role=ROLE'");
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void userCertAdd_sendsTheCertificateAsPem_evenFromADerFile() throws Exception {
        server.on("POST /ca/rest/admin/users/jdoe/certs", Reply.json(200, USER));
        Path der = work.resolve("jdoe.der");
        pki.openssl.ok("x509", "-in", pki.path("client.pem").toString(), "-outform", "DER", "-out", der.toString());
        CliRun.Result r = CliRun.run(agent("user", "cert-add", "jdoe", "--cert", der.toString()));
        assertThat(r.exitCode()).as(r.err()).isZero();
        String sent = parse(server.only().body()).get("certificate").asText();
        assertThat(sent).startsWith("-----BEGIN CERTIFICATE-----");
        assertThat(Certificate.parse(sent)).isEqualTo(Certificate.parse(pem("client.pem")));
    }

    @Test
    void userCertAdd_notACertificate_isALocalError() throws Exception {
        Files.writeString(work.resolve("junk.pem"), "hello");
        CliRun.Result r = CliRun.run(agent("user", "cert-add", "jdoe", "--cert", work.resolve("junk.pem").toString()));
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).startsWith("brevet: " + work.resolve("junk.pem") + ": ");
        CliRun.Result missing = CliRun.run(agent("user", "cert-add", "jdoe", "--cert", work.resolve("none.pem").toString()));
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).isEqualTo("brevet: " + work.resolve("none.pem") + ": no such certificate file\n");
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void userListAndShow_textAndJson() throws Exception {
        server.on("GET /ca/rest/admin/users", Reply.json(200, "{\"users\":[" + USER + ",{\"userId\":\"caadmin\",\"roles\":[\"administrator\",\"agent\"]}]}"));
        server.on("GET /ca/rest/admin/users/jdoe", Reply.json(200, USER));
        assertThat(CliRun.run(agent("user", "list")).out().lines()).containsExactly(
                "USER ID  ROLES                FULL NAME",
                "jdoe     agent                Jane Doe",
                "caadmin  administrator,agent  -");
        assertThat(parse(CliRun.run(agent("user", "list", "-o", "json")).out()).get("users")).hasSize(2);
        JsonNode shown = parse(CliRun.run(agent("user", "show", "jdoe", "-o", "json")).out());
        assertThat(shown.get("certificates").get(0).get("serial").asText()).isEqualTo("0x1f");
    }

    @Test
    void profileList_andShow() throws Exception {
        server.on("GET /ca/rest/profiles", Reply.json(200, "{\"profiles\":[{\"id\":\"caServerCert\",\"name\":\"Server Certificate\","
                + "\"description\":\"TLS server\",\"enabled\":true,\"visible\":true},{\"id\":\"caOCSPCert\",\"name\":\"OCSP\",\"enabled\":false,\"visible\":false}]}"));
        server.on("GET /ca/rest/profiles/caServerCert", Reply.json(200, "{\"id\":\"caServerCert\",\"enabled\":true,"
                + "\"definition\":\"id: caServerCert\\nvalidity: P720D\\n\",\"updatedAt\":\"2026-11-23T20:00:00Z\",\"updatedBy\":\"caadmin\"}"));
        assertThat(CliRun.run(agent("profile", "list")).out().lines()).containsExactly(
                "ID            ENABLED  VISIBLE  NAME",
                "caServerCert  yes      yes      Server Certificate",
                "caOCSPCert    no       no       OCSP");
        CliRun.Result show = CliRun.run(anonymous("profile", "show", "caServerCert"));
        assertThat(show.out()).contains("Profile ID: caServerCert\n", "Updated by: caadmin\n", "\nid: caServerCert\nvalidity: P720D\n");
        JsonNode doc = parse(CliRun.run(anonymous("profile", "show", "caServerCert", "--output", "json")).out());
        assertThat(doc.get("definition").asText()).isEqualTo("id: caServerCert\nvalidity: P720D\n");
        assertThat(parse(CliRun.run(agent("profile", "list", "-o", "json")).out()).get("profiles")).hasSize(2);
        assertThat(server.requests()).extracting(FakeCaServer.Recorded::path).containsOnly(
                "/ca/rest/profiles", "/ca/rest/profiles/caServerCert");
    }

    @Test
    void profileList_anonymously_showsTheProfilesOpenToEnrollment() {
        server.on("GET /ca/rest/certrequests/profiles", Reply.json(200, "{\"profiles\":[{\"id\":\"caUserCert\",\"name\":\"User\","
                + "\"enabled\":true,\"visible\":true}]}"));
        CliRun.Result r = CliRun.run(anonymous("profile", "list"));
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out().lines()).containsExactly("ID          ENABLED  VISIBLE  NAME", "caUserCert  yes      yes      User");
        assertThat(server.only().clientSubject()).isEmpty();
    }

    @Test
    void profileAddAndModify_sendTheFileAsIs_withItsContentType() throws Exception {
        String yaml = "id: myProfile\nname: Mine\n";
        String json = "{\"id\":\"myProfile\"}";
        Files.writeString(work.resolve("p.yaml"), yaml);
        Files.writeString(work.resolve("p.json"), json);
        server.on("POST /ca/rest/profiles", Reply.json(201, "{\"id\":\"myProfile\",\"enabled\":false}"));
        server.on("PUT /ca/rest/profiles/myProfile", Reply.json(200, "{\"id\":\"myProfile\",\"enabled\":false}"));
        CliRun.Result added = CliRun.run(agent("profile", "add", "--file", work.resolve("p.yaml").toString()));
        CliRun.Result modified = CliRun.run(agent("profile", "modify", "myProfile", "--file", work.resolve("p.json").toString()));
        assertThat(added.out()).isEqualTo("Profile myProfile added.\n");
        assertThat(modified.out()).isEqualTo("Profile myProfile modified.\n");
        assertThat(server.requests().get(0).body()).isEqualTo(yaml);
        assertThat(server.requests().get(0).header("Content-Type")).isEqualTo("application/yaml");
        assertThat(server.requests().get(1).body()).isEqualTo(json);
        assertThat(server.requests().get(1).header("Content-Type")).isEqualTo("application/json");
    }

    @Test
    void profileEnableDisable_postToTheirPaths() {
        server.on("POST /ca/rest/profiles/caUserCert/enable", Reply.json(200, "{\"id\":\"caUserCert\",\"enabled\":true}"));
        server.on("POST /ca/rest/profiles/caUserCert/disable", Reply.json(200, "{\"id\":\"caUserCert\",\"enabled\":false}"));
        assertThat(CliRun.run(agent("profile", "enable", "caUserCert")).out()).isEqualTo("Profile caUserCert enabled.\n");
        assertThat(CliRun.run(agent("profile", "disable", "caUserCert")).out()).isEqualTo("Profile caUserCert disabled.\n");
        assertThat(server.requests()).extracting(FakeCaServer.Recorded::method).containsExactly("POST", "POST");
    }

    @Test
    void caCert_printsOrWritesTheChain() throws Exception {
        String chain = pem("ca.pem");
        server.on("GET /ca/rest/cacert", new Reply(200, "application/x-pem-file", chain));
        CliRun.Result printed = CliRun.run(anonymous("ca-cert"));
        assertThat(printed.exitCode()).isZero();
        assertThat(Certificate.parse(printed.out())).isEqualTo(Certificate.parse(chain));
        Path out = work.resolve("ca.pem");
        assertThat(CliRun.run(anonymous("ca-cert", "--out", out.toString())).exitCode()).isZero();
        pki.openssl.ok("verify", "-CAfile", out.toString(), pki.path("server.pem").toString());
        assertThat(server.requests()).allSatisfy(req -> assertThat(req.clientSubject()).isEmpty());
    }
}
