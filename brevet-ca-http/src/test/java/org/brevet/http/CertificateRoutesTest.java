package org.brevet.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CertificateRoutesTest {
    private final RouteHarness http = RouteHarness.secure();

    @BeforeEach
    void issueOne() throws Exception {
        http.post("/ca/rest/certrequests", "agent", EnrollmentRoutesTest.enroll("caServerCert", EnrollmentRoutesTest.CSR));
    }

    @AfterEach
    void stop() {
        http.close();
    }

    @Test
    void search_returnsSummariesWithoutPem() throws Exception {
        JsonNode body = JsonBody.of(http.get("/ca/rest/certs?subject=host&status=VALID&expiresBefore=2028-01-01", null));

        JsonNode c = body.get("certificates").get(0);
        assertThat(c.get("serial").asText()).isEqualTo("0xabc0");
        assertThat(c.get("subject").asText()).isEqualTo("CN=host.example.com");
        assertThat(c.get("issuer").asText()).isEqualTo("CN=Test CA,O=Test");
        assertThat(c.get("notBefore").asText()).isEqualTo("2026-11-23T20:00:00Z");
        assertThat(c.get("notAfter").asText()).isEqualTo("2027-11-23T20:00:00Z");
        assertThat(c.get("status").asText()).isEqualTo("VALID");
        assertThat(c.get("requestId").asText()).isEqualTo("101");
        assertThat(c.get("profileId").asText()).isEqualTo("caServerCert");
        assertThat(c.has("pem")).isFalse();
        assertThat(body.get("hasMore").asBoolean()).isFalse();
    }

    @Test
    void searchExpiringBeforeAnInstant_filters() throws Exception {
        JsonNode body = JsonBody.of(http.get("/ca/rest/certs?expiresBefore=2027-01-01T00:00:00Z", null));

        assertThat(body.get("certificates")).isEmpty();
    }

    @Test
    void searchWithBadDate_is400NamingTheParameter() throws Exception {
        HttpResponse<String> r = http.get("/ca/rest/certs?expiresBefore=tomorrow", null);

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(JsonBody.of(r).get("detail").asText()).startsWith("expiresBefore: expected a date");
    }

    @Test
    void searchWithUnknownStatus_is400() throws Exception {
        assertThat(http.get("/ca/rest/certs?status=SHINY", null).statusCode()).isEqualTo(400);
    }

    @Test
    void showBySerialWithOrWithout0x_returnsDetailsAndPem() throws Exception {
        JsonNode with = JsonBody.of(http.get("/ca/rest/certs/0xabc0", null));
        JsonNode without = JsonBody.of(http.get("/ca/rest/certs/ABC0", null));

        assertThat(with).isEqualTo(without);
        assertThat(with.get("issuedAt").asText()).isEqualTo("2026-11-23T20:00:00Z");
        assertThat(with.has("revokedAt")).isFalse();
        assertThat(with.get("pem").asText()).startsWith("-----BEGIN CERTIFICATE-----\n");
    }

    @Test
    void showUnknownSerial_is404() throws Exception {
        assertThat(http.get("/ca/rest/certs/0x1234", null).statusCode()).isEqualTo(404);
    }

    @Test
    void showBadSerial_is400() throws Exception {
        assertThat(http.get("/ca/rest/certs/xyz", null).statusCode()).isEqualTo(400);
    }

    @Test
    void caCert_isPemChainThatParses() throws Exception {
        HttpResponse<String> r = http.get("/ca/rest/cacert", null);

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/x-pem-file");
        X509Certificate ca = (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(r.body().getBytes()));
        assertThat(ca).isEqualTo(http.authority.caCert);
    }
}
