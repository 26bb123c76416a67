package org.brevet.ca.request;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.brevet.ca.api.Caller;
import org.brevet.ca.api.CertificateRecord;
import org.brevet.ca.api.EnrollmentRequest;
import org.brevet.ca.api.EnrollmentResult;
import org.brevet.ca.api.RequestStatus;
import org.brevet.ca.testing.Harness;
import org.brevet.pki.Certificate;
import org.brevet.pki.Der;
import org.brevet.testkit.Openssl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CSRs made by `openssl req` are accepted; what we issue passes `openssl verify` and shows the profile's extensions. */
class OpensslEnrollmentTest {
    @TempDir
    Path dir;

    private final Harness h = new Harness();

    private Openssl openssl() {
        return new Openssl(dir);
    }

    private CertificateRecord enrollAndApprove(String profile, String csrFile) throws IOException {
        EnrollmentResult pending = h.authority.enrollment().submit(Caller.ANONYMOUS,
                new EnrollmentRequest(profile, Der.of(Files.readAllBytes(dir.resolve(csrFile)))));
        assertThat(pending.request().status()).isEqualTo(RequestStatus.PENDING);
        return h.authority.agentReview().approve(Harness.AGENT, pending.request().id()).certificate().orElseThrow();
    }

    private String verifyAndDump(CertificateRecord record) throws IOException {
        Files.writeString(dir.resolve("ca.pem"), h.ca.certificate().toPem());
        Files.writeString(dir.resolve("cert.pem"), Certificate.fromDer(record.der()).toPem());
        assertThat(openssl().verify("ca.pem", "cert.pem").assertSuccess().stdout()).contains("cert.pem: OK");
        return openssl().x509Text("cert.pem");
    }

    @Test
    void opensslEcCsr_isIssuedUnderCaECServerCert_andVerifies() throws IOException {
        openssl().newCsr("ec.key", "ec.csr", "/O=Example/CN=www.example.com", "-newkey", "ec",
                "-pkeyopt", "ec_paramgen_curve:P-256",
                "-addext", "subjectAltName=DNS:www.example.com,DNS:example.com,IP:192.0.2.1");

        String text = verifyAndDump(enrollAndApprove("caECServerCert", "ec.csr"));

        assertThat(text).contains("Subject: O = Example, CN = www.example.com")
                .contains("X509v3 Key Usage: critical")
                .contains("Digital Signature, Data Encipherment, Key Agreement")
                .contains("TLS Web Server Authentication, TLS Web Client Authentication")
                .contains("DNS:www.example.com, DNS:example.com, IP Address:192.0.2.1")
                .contains("OCSP - URI:http://ca.example.com:8080/ca/ocsp")
                .contains("CA Issuers - URI:http://ca.example.com:8080/ca/cacert.der")
                .contains("X509v3 Authority Key Identifier")
                .doesNotContain("X509v3 Subject Key Identifier")
                .doesNotContain("CA:TRUE");
    }

    @Test
    void opensslRsaCsr_isIssuedUnderCaServerCert_andVerifies() throws IOException {
        openssl().newRsaCsr("rsa.key", "rsa.csr", "/CN=rsa.example.com", 2048);

        String text = verifyAndDump(enrollAndApprove("caServerCert", "rsa.csr"));

        assertThat(text).contains("Digital Signature, Key Encipherment, Data Encipherment")
                .contains("DNS:rsa.example.com")
                .contains("Public-Key: (2048 bit)");
    }

    @Test
    void subordinateCaCertificate_canItselfVerifyAsACa() throws IOException {
        openssl().newEcCsr("sub.key", "sub.csr", "/O=Example/CN=Sub CA", "P-384");

        String text = verifyAndDump(enrollAndApprove("caCACert", "sub.csr"));

        assertThat(text).contains("X509v3 Basic Constraints: critical").contains("CA:TRUE")
                .contains("Certificate Sign, CRL Sign").contains("X509v3 Subject Key Identifier");
    }
}
