package org.brevet.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathFactory;
import org.brevet.ca.api.CertificateRecord;
import org.brevet.ca.api.RequestId;
import org.brevet.pki.BrevetException;
import org.brevet.pki.ErrorKind;
import org.brevet.pki.SerialNumber;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/** Dogtag's legacy servlets, read with the XPath expressions certmonger's dogtag-submit helper uses. */
class DogtagLegacyRoutesTest {
    /** PEM whose base64 holds a '+', which a form must carry as %2B. */
    static final String CSR = "-----BEGIN CERTIFICATE REQUEST-----\nMII+\n-----END CERTIFICATE REQUEST-----\n";

    private final RouteHarness http = RouteHarness.secure();

    @AfterEach
    void stop() {
        http.close();
    }

    static String form(String... pairs) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < pairs.length; i += 2) {
            s.append(s.isEmpty() ? "" : "&").append(pairs[i]).append('=')
                    .append(URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
        }
        return s.toString();
    }

    private HttpResponse<String> postForm(RouteHarness on, String path, String as, String body) throws Exception {
        return on.send(on.request(path, as).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private HttpResponse<String> submit(String as, String profile) throws Exception {
        return postForm(http, "/ca/ee/ca/profileSubmit", as,
                form("profileId", profile, "cert_request_type", "pkcs10", "cert_request", CSR, "xml", "true"));
    }

    static String xpath(HttpResponse<String> r, String path) throws Exception {
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(r.body().getBytes(StandardCharsets.UTF_8)));
        return XPathFactory.newInstance().newXPath().evaluate(path, doc);
    }

    @Test
    void anonymousSubmit_isDeferredWithStatus2AndRequestId() throws Exception {
        HttpResponse<String> r = submit(null, "caServerCert");

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/xml"));
        assertThat(xpath(r, "/XMLResponse/Status")).isEqualTo("2");
        assertThat(xpath(r, "/XMLResponse/RequestId")).isEqualTo("101");
        assertThat(xpath(r, "count(/XMLResponse/Requests)")).isEqualTo("0");
        assertThat(new String(http.authority.requests.values().iterator().next().csr().bytes(), StandardCharsets.US_ASCII))
                .isEqualTo(CSR);
    }

    @Test
    void agentSubmitByQueryString_isIssuedWithStatus0AndCertificate() throws Exception {
        HttpResponse<String> r = http.get("/ca/ee/ca/profileSubmit?" + form("profileId", "caServerCert",
                "cert_request_type", "pkcs10", "cert_request", CSR, "xml", "true"), "agent");

        assertThat(xpath(r, "/XMLResponse/Status")).isEqualTo("0");
        assertThat(xpath(r, "/XMLResponse/Requests/Request/Id")).isEqualTo("101");
        assertThat(xpath(r, "/XMLResponse/Requests/Request/serialno")).isEqualTo("abc0");
        assertThat(Base64.getDecoder().decode(xpath(r, "/XMLResponse/Requests/Request/b64")))
                .isEqualTo("cert-0xabc0".getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void agentSubmitThroughSslClientServlet_isIssuedAtOnce() throws Exception {
        HttpResponse<String> r = postForm(http, "/ca/ee/ca/profileSubmitSSLClient", "agent",
                form("profileId", "caServerCert", "cert_request_type", "pkcs10", "cert_request", CSR, "xml", "true"));

        assertThat(xpath(r, "/XMLResponse/Status")).isEqualTo("0");
        assertThat(xpath(r, "/XMLResponse/Requests/Request/serialno")).isEqualTo("abc0");
    }

    @Test
    void renewalBySerial_resubmitsTheIssuedRequestsCsr_andWaitsForAnAgentWhenAnonymous() throws Exception {
        http.get("/ca/ee/ca/profileSubmit?" + form("profileId", "caServerCert", "cert_request", CSR), "agent");

        HttpResponse<String> r = postForm(http, "/ca/ee/ca/profileSubmit", null,
                form("profileId", "caServerCert", "serial_num", Integer.toString(0xabc0), "renewal", "true", "xml", "true"));

        assertThat(xpath(r, "/XMLResponse/Status")).isEqualTo("2");
        assertThat(xpath(r, "/XMLResponse/RequestId")).isEqualTo("102");
        assertThat(http.authority.requests.get(new RequestId(102)).csr())
                .isEqualTo(http.authority.requests.get(new RequestId(101)).csr());
    }

    @Test
    void renewalOfRevokedCertificate_isStatus3AndStoresNothing() throws Exception {
        http.get("/ca/ee/ca/profileSubmit?" + form("profileId", "caServerCert", "cert_request", CSR), "agent");
        var serial = new SerialNumber(BigInteger.valueOf(0xabc0));
        var issued = http.authority.certificates.get(serial);
        http.authority.certificates.put(serial, new CertificateRecord(issued.serial(), issued.subject(),
                issued.issuer(), issued.notBefore(), issued.notAfter(), issued.der(), issued.requestId(), issued.profileId(),
                issued.issuedAt(), Optional.of(FakeAuthority.NOW)));

        HttpResponse<String> r = postForm(http, "/ca/ee/ca/profileSubmit", "agent",
                form("profileId", "caServerCert", "serial_num", Integer.toString(0xabc0), "renewal", "true", "xml", "true"));

        assertThat(xpath(r, "/XMLResponse/Status")).isEqualTo("3");
        assertThat(xpath(r, "/XMLResponse/Error")).contains("revoked");
        assertThat(http.authority.requests).hasSize(1);
    }

    @Test
    void renewalOfUnknownSerial_isStatus1() throws Exception {
        HttpResponse<String> r = postForm(http, "/ca/ee/ca/profileSubmit", null,
                form("profileId", "caServerCert", "serial_num", "77", "renewal", "true", "xml", "true"));

        assertThat(xpath(r, "/XMLResponse/Status")).isEqualTo("1");
        assertThat(http.authority.requests).isEmpty();
    }

    @Test
    void submitUnknownProfile_isStatus1WithTheReason() throws Exception {
        HttpResponse<String> r = submit(null, "noSuchProfile");

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(xpath(r, "/XMLResponse/Status")).isEqualTo("1");
        assertThat(xpath(r, "/XMLResponse/Error")).contains("noSuchProfile");
        assertThat(http.authority.requests).isEmpty();
    }

    @Test
    void submitWhileStoreUnavailable_is503NotAStatusInTheDocument() throws Exception {
        http.authority.failure.set(new BrevetException(ErrorKind.UNAVAILABLE, "database down"));

        HttpResponse<String> r = submit(null, "caServerCert");

        assertThat(r.statusCode()).isEqualTo(503);
        assertThat(r.body()).doesNotContain("XMLResponse");
    }

    @Test
    void submitHittingAnInternalError_is500WithoutItsDetail() throws Exception {
        http.authority.failure.set(new BrevetException(ErrorKind.INTERNAL, "disk layout details"));

        HttpResponse<String> r = submit(null, "caServerCert");

        assertThat(r.statusCode()).isEqualTo(500);
        assertThat(r.body()).doesNotContain("disk layout details");
    }

    @Test
    void submitCrmf_isStatus1NamingTheSupportedType() throws Exception {
        HttpResponse<String> r = postForm(http, "/ca/ee/ca/profileSubmit", null,
                form("profileId", "caServerCert", "cert_request_type", "crmf", "cert_request", "MIIB", "xml", "true"));

        assertThat(xpath(r, "/XMLResponse/Status")).isEqualTo("1");
        assertThat(xpath(r, "/XMLResponse/Error")).contains("crmf").contains("pkcs10");
    }

    @Test
    void submitWithoutCsr_isStatus1NamingTheParameter() throws Exception {
        HttpResponse<String> r = postForm(http, "/ca/ee/ca/profileSubmit", null, form("profileId", "caServerCert", "xml", "true"));

        assertThat(xpath(r, "/XMLResponse/Error")).contains("cert_request");
    }

    @Test
    void reviewApproveRetrieve_asTheHelperDrivesIt() throws Exception {
        submit(null, "caServerCert");
        assertThat(xpath(http.get("/ca/ee/ca/checkRequest?requestId=101&xml=true", null), "/xml/header/status"))
                .isEqualTo("pending");

        HttpResponse<String> reviewed = http.get("/ca/agent/ca/profileReview?requestId=101&xml=true", "agent");
        assertThat(xpath(reviewed, "/xml/output/set/requestStatus")).isEqualTo("pending");
        assertThat(xpath(reviewed, "/xml/output/set/requestId")).isEqualTo("101");

        HttpResponse<String> approved = http.get("/ca/agent/ca/profileProcess?requestId=101&xml=true&op=approve", "agent");
        assertThat(xpath(approved, "/xml/output/set/requestStatus")).isEqualTo("complete");
        assertThat(xpath(approved, "/xml/output/set/requestId")).isEqualTo("101");

        HttpResponse<String> checked = http.get("/ca/ee/ca/checkRequest?requestId=101&xml=true", null);
        assertThat(xpath(checked, "/xml/header/status")).isEqualTo("complete");
        assertThat(xpath(checked, "/xml/header/serialNumber")).isEqualTo("abc0");

        HttpResponse<String> fetched = http.get("/ca/ee/ca/displayCertFromRequest?requestId=101&importCert=true&xml=true", null);
        assertThat(xpath(fetched, "/xml/fixed/requestStatus")).isEqualTo("complete");
        assertThat(xpath(fetched, "/xml/records/record/base64Cert"))
                .startsWith("-----BEGIN CERTIFICATE-----")
                .contains(Base64.getEncoder().encodeToString("cert-0xabc0".getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void approvingTwice_answersErrorCode1WithTheReason() throws Exception {
        submit(null, "caServerCert");
        http.get("/ca/agent/ca/profileProcess?requestId=101&op=approve", "agent");

        HttpResponse<String> again = http.get("/ca/agent/ca/profileProcess?requestId=101&op=approve", "agent");

        assertThat(xpath(again, "/xml/output/set/errorCode")).isEqualTo("1");
        assertThat(xpath(again, "/xml/output/set/errorReason")).contains("not pending");
    }

    @Test
    void rejectOp_closesTheRequest() throws Exception {
        submit(null, "caServerCert");

        HttpResponse<String> r = http.get("/ca/agent/ca/profileProcess?requestId=101&op=reject", "agent");

        assertThat(xpath(r, "/xml/output/set/requestStatus")).isEqualTo("rejected");
        assertThat(xpath(http.get("/ca/ee/ca/checkRequest?requestId=101&xml=true", null), "/xml/header/status"))
                .isEqualTo("rejected");
    }

    @Test
    void unknownOp_isErrorCode1() throws Exception {
        submit(null, "caServerCert");

        HttpResponse<String> r = http.get("/ca/agent/ca/profileProcess?requestId=101&op=assign", "agent");

        assertThat(xpath(r, "/xml/output/set/errorCode")).isEqualTo("1");
        assertThat(xpath(r, "/xml/output/set/errorReason")).contains("assign");
    }

    @Test
    void agentServletsWithoutOrWithUnknownClientCertificate_are401_andNothingIsApproved() throws Exception {
        submit(null, "caServerCert");

        assertThat(http.get("/ca/agent/ca/profileReview?requestId=101&xml=true", null).statusCode()).isEqualTo(401);
        assertThat(http.get("/ca/agent/ca/profileProcess?requestId=101&op=approve", "stranger").statusCode()).isEqualTo(401);
        assertThat(http.get("/ca/agent/ca/profileProcess?requestId=101&op=approve", "auditor").statusCode()).isEqualTo(403);
        assertThat(xpath(http.get("/ca/ee/ca/checkRequest?requestId=101", null), "/xml/header/status")).isEqualTo("pending");
    }

    @Test
    void profileList_namesEnabledVisibleProfiles() throws Exception {
        HttpResponse<String> r = http.get("/ca/ee/ca/profileList?xml=true", null);

        assertThat(xpath(r, "count(/xml/output/set/record/list/*)")).isEqualTo("1");
        assertThat(xpath(r, "/xml/output/set/record/list/record/set/profileId")).isEqualTo("caServerCert");
        assertThat(xpath(r, "/xml/output/set/record/list/record/set/profileIsEnable")).isEqualTo("true");
        assertThat(xpath(r, "/xml/output/set/record/list/record/set/profileIsVisible")).isEqualTo("true");
    }

    @Test
    void checkUnknownRequest_isUnexpectedError() throws Exception {
        HttpResponse<String> r = http.get("/ca/ee/ca/checkRequest?requestId=999&xml=true", null);

        assertThat(xpath(r, "/xml/fixed/unexpectedError")).contains("999");
        assertThat(xpath(r, "count(/xml/header/status)")).isEqualTo("0");
    }

    @Test
    void displayBySerial_decimalOrHex_givesTheCertificate_unknownIsUnexpectedError() throws Exception {
        http.get("/ca/ee/ca/profileSubmit?" + form("profileId", "caServerCert", "cert_request", CSR), "agent");

        HttpResponse<String> decimal = http.get("/ca/ee/ca/displayBySerial?serialNumber=" + 0xabc0 + "&xml=true", null);
        HttpResponse<String> hex = http.get("/ca/ee/ca/displayBySerial?serialNumber=0xABC0&xml=true", null);

        assertThat(xpath(decimal, "/xml/header/serialNumber")).isEqualTo("abc0");
        assertThat(xpath(decimal, "/xml/records/record/base64Cert")).startsWith("-----BEGIN CERTIFICATE-----");
        assertThat(xpath(hex, "/xml/header/requestId")).isEqualTo("101");
        assertThat(xpath(http.get("/ca/ee/ca/displayBySerial?serialNumber=12&xml=true", null), "/xml/fixed/unexpectedError"))
                .isNotBlank();
        assertThat(xpath(http.get("/ca/ee/ca/displayBySerial?serialNumber=zz&xml=true", null), "/xml/fixed/unexpectedError"))
                .contains("zz");
    }

    @Test
    void publicListener_servesEndEntityServletsAnonymously_butNotTheAgentOnes() throws Exception {
        try (RouteHarness plain = RouteHarness.publicOnly()) {
            HttpResponse<String> r = postForm(plain, "/ca/ee/ca/profileSubmit", "agent",
                    form("profileId", "caServerCert", "cert_request_type", "pkcs10", "cert_request", CSR, "xml", "true"));

            assertThat(xpath(r, "/XMLResponse/Status")).isEqualTo("2");
            assertThat(plain.get("/ca/agent/ca/profileReview?requestId=101", "agent").statusCode()).isEqualTo(404);
            assertThat(plain.get("/ca/ee/ca/profileSubmitSSLClient?profileId=caServerCert", "agent").statusCode()).isEqualTo(404);
        }
    }

    @Test
    void csrText_unencodedPlusAndBareBase64_becomePem() {
        assertThat(DogtagLegacyRoutes.pkcs10Pem("-----BEGIN NEW CERTIFICATE REQUEST-----\nMII \n-----END NEW CERTIFICATE REQUEST-----"))
                .isEqualTo("-----BEGIN CERTIFICATE REQUEST-----\nMII+\n-----END CERTIFICATE REQUEST-----\n");
        assertThat(DogtagLegacyRoutes.pkcs10Pem("MII+")).isEqualTo(DogtagLegacyRoutes.pkcs10Pem(CSR));
    }

    @Test
    void xmlText_isEscaped() {
        assertThat(new DogtagXml().open("a").text("b", "<x & 'y'>").close().document())
                .endsWith("<a><b>&lt;x &amp; &apos;y&apos;&gt;</b></a>");
    }
}
