package org.brevet.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PublicRoutesTest {
    private final RouteHarness http = RouteHarness.publicOnly();

    @AfterEach
    void stop() {
        http.close();
    }

    @Test
    void caCertDer_isTheCaCertificateBytes() throws Exception {
        HttpResponse<byte[]> r = http.getBytes("/ca/cacert.der");

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElseThrow()).isEqualTo("application/pkix-cert");
        assertThat(r.body()).isEqualTo(http.authority.caCert.getEncoded());
    }

    @Test
    void responses_doNotAdvertiseTheServerSoftware() throws Exception {
        HttpResponse<String> r = http.get("/health", null);

        assertThat(r.headers().firstValue("Server")).isEmpty();
        assertThat(r.headers().firstValue("X-Powered-By")).isEmpty();
    }

    @Test
    void healthAndPemChain_areServed() throws Exception {
        assertThat(http.get("/health", null).statusCode()).isEqualTo(200);
        assertThat(http.get("/ca/rest/cacert", null).body()).startsWith("-----BEGIN CERTIFICATE-----");
    }

    @Test
    void enrollmentAgentAndAdminPaths_areNotOnThePlainPort() throws Exception {
        assertThat(http.post("/ca/rest/certrequests", null, "{}").statusCode()).isEqualTo(404);
        assertThat(http.get("/ca/rest/agent/certrequests", "agent").statusCode()).isEqualTo(404);
        assertThat(http.get("/ca/rest/admin/users", "admin").statusCode()).isEqualTo(404);
        assertThat(http.get("/ca/rest/certs", null).statusCode()).isEqualTo(404);
    }
}
