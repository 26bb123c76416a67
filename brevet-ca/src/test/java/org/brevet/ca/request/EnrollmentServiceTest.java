package org.brevet.ca.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.util.Arrays;
import org.brevet.ca.api.Caller;
import org.brevet.ca.api.CertificateRecord;
import org.brevet.ca.api.EnrollmentRequest;
import org.brevet.ca.api.EnrollmentResult;
import org.brevet.ca.api.ProfileSummary;
import org.brevet.ca.api.RequestId;
import org.brevet.ca.api.RequestStatus;
import org.brevet.ca.audit.AuditEvents;
import org.brevet.ca.testing.Harness;
import org.brevet.ca.testing.TestCa;
import org.brevet.pki.BrevetException;
import org.brevet.pki.Certificate;
import org.brevet.pki.Csr;
import org.brevet.pki.Der;
import org.brevet.pki.ErrorKind;
import org.brevet.pki.KeySpec;
import org.brevet.pki.SubjectAltName;
import org.junit.jupiter.api.Test;

class EnrollmentServiceTest {
    private final Harness h = new Harness();

    private EnrollmentResult submit(Caller caller, String profile, Csr csr) {
        return h.authority.enrollment().submit(caller, new EnrollmentRequest(profile, Der.of(csr.toPem().getBytes(StandardCharsets.US_ASCII))));
    }

    private void assertRefused(Caller caller, String profile, byte[] csr, ErrorKind kind, String detail) {
        int before = h.store.storedCount();
        assertThatThrownBy(() -> h.authority.enrollment().submit(caller, new EnrollmentRequest(profile, Der.of(csr))))
                .isInstanceOfSatisfying(BrevetException.class, e -> {
                    assertThat(e.kind()).isEqualTo(kind);
                    assertThat(e.detail()).contains(detail);
                });
        assertThat(h.store.storedCount()).as("nothing stored").isEqualTo(before);
        assertThat(h.audit.events()).last().satisfies(ev -> {
            assertThat(ev.name()).isEqualTo(AuditEvents.PROFILE_CERT_REQUEST);
            assertThat(ev.outcome()).isEqualTo(org.brevet.ca.api.AuditEvent.Outcome.FAILURE);
        });
    }

    @Test
    void anonymousRequest_waitsForAnAgent() {
        EnrollmentResult r = submit(Caller.ANONYMOUS, "caECServerCert", TestCa.ecCsr("CN=www.example.com,O=Example"));

        assertThat(r.request().status()).isEqualTo(RequestStatus.PENDING);
        assertThat(r.certificate()).isEmpty();
        assertThat(r.request().submitter()).isEmpty();
        assertThat(h.store.requests).containsKey(r.request().id());
        assertThat(h.store.certificates).isEmpty();
        assertThat(h.authority.enrollment().status(r.request().id()).request().status()).isEqualTo(RequestStatus.PENDING);
    }

    @Test
    void userWithoutAgentRole_waitsForAnAgent() {
        EnrollmentResult r = submit(Harness.PLAIN_USER, "caECServerCert", TestCa.ecCsr("CN=www.example.com"));
        assertThat(r.request().status()).isEqualTo(RequestStatus.PENDING);
        assertThat(r.request().submitter()).contains("bob");
    }

    @Test
    void agentRequest_isIssuedAtOnce_andStored() {
        EnrollmentResult r = submit(Harness.AGENT, "caECServerCert",
                TestCa.ecCsr("CN=www.example.com,O=Example", SubjectAltName.dns("alt.example.com")));

        assertThat(r.request().status()).isEqualTo(RequestStatus.COMPLETE);
        assertThat(r.request().reviewer()).contains("agent1");
        CertificateRecord record = r.certificate().orElseThrow();
        assertThat(r.request().serial()).contains(record.serial());
        assertThat(h.store.certificates.get(record.serial())).isEqualTo(record);
        Certificate cert = Certificate.fromDer(record.der());
        assertThat(cert.verifiedBy(h.ca.certificate().publicKey())).isTrue();
        assertThat(cert.subject().rfc4514()).isEqualTo("CN=www.example.com,O=Example");
        assertThat(cert.subjectAltNames()).containsExactly(SubjectAltName.dns("alt.example.com"), SubjectAltName.dns("www.example.com"));
        assertThat(record.profileId()).isEqualTo("caECServerCert");
        assertThat(h.audit.names()).endsWith(AuditEvents.PROFILE_CERT_REQUEST, AuditEvents.CERT_REQUEST_PROCESSED);
        assertThat(h.audit.events().get(h.audit.events().size() - 2).fields())
                .containsEntry("CertSerialNum", record.serial().toString()).containsEntry("Approval", "immediate");

        EnrollmentResult status = h.authority.enrollment().status(r.request().id());
        assertThat(status.certificate()).contains(record);
    }

    @Test
    void autoProfile_issuesToAnonymous_andDerCsrIsAccepted() {
        h.storeProfile(Harness.AUTO_PROFILE);
        Csr csr = TestCa.ecCsr("CN=host.example.com");
        EnrollmentResult r = h.authority.enrollment().submit(Caller.ANONYMOUS, new EnrollmentRequest("autoServer", csr.toDer()));
        assertThat(r.request().status()).isEqualTo(RequestStatus.COMPLETE);
        assertThat(r.request().reviewer()).isEmpty();
        assertThat(r.certificate()).isPresent();
    }

    @Test
    void manualProfile_makesEvenAnAgentWait() {
        h.storeProfile(Harness.AUTO_PROFILE.replace("id: autoServer", "id: manualServer").replace("approval: auto", "approval: manual"));
        EnrollmentResult r = submit(Harness.AGENT, "manualServer", TestCa.ecCsr("CN=host.example.com"));
        assertThat(r.request().status()).isEqualTo(RequestStatus.PENDING);
        assertThat(h.store.certificates).isEmpty();
    }

    @Test
    void garbageCsr_isMalformed() {
        assertRefused(Harness.AGENT, "caECServerCert", "hello, I am not a CSR".getBytes(StandardCharsets.US_ASCII),
                ErrorKind.MALFORMED, "");
    }

    @Test
    void truncatedCsr_isMalformed() {
        byte[] der = TestCa.ecCsr("CN=www.example.com").toDer().bytes();
        assertRefused(Harness.AGENT, "caECServerCert", Arrays.copyOf(der, der.length / 2), ErrorKind.MALFORMED, "");
    }

    @Test
    void csrWithBrokenSignature_isBadSignature() {
        byte[] der = TestCa.ecCsr("CN=www.example.com").toDer().bytes();
        der[der.length - 5] ^= 0x55; // inside the signature value
        assertRefused(Harness.AGENT, "caECServerCert", der, ErrorKind.BAD_SIGNATURE, "signature");
    }

    @Test
    void keyBelowTheProfileMinimum_isRejectedByPolicy() {
        KeyPair small = TestCa.keys(new KeySpec(org.brevet.pki.KeyAlgorithm.RSA, 1024));
        Csr csr = TestCa.csr(small, "CN=www.example.com");
        assertRefused(Harness.AGENT, "caServerCert", csr.toDer().bytes(), ErrorKind.REJECTED_BY_POLICY,
                "key rsa:1024 is not allowed; allowed: rsa >= 2048");
    }

    @Test
    void wrongKeyType_isRejectedByPolicy() {
        assertRefused(Harness.AGENT, "caServerCert", TestCa.ecCsr("CN=www.example.com").toDer().bytes(),
                ErrorKind.REJECTED_BY_POLICY, "key ec:p256 is not allowed");
    }

    @Test
    void subjectTheProfileForbids_isRejectedByPolicy() {
        assertRefused(Harness.AGENT, "caECSubsystemCert", TestCa.ecCsr("O=Example,CN=subsystem").toDer().bytes(),
                ErrorKind.REJECTED_BY_POLICY, "does not match the profile's pattern 'CN=.*'");
    }

    @Test
    void sanTheProfileForbids_isRejectedByPolicy() {
        Csr csr = TestCa.ecCsr("CN=www.example.com", SubjectAltName.email("root@example.com"));
        assertRefused(Harness.AGENT, "caECServerCert", csr.toDer().bytes(), ErrorKind.REJECTED_BY_POLICY,
                "subject alternative name email:root@example.com is not allowed");
    }

    @Test
    void unknownProfile_isUnknownProfile() {
        assertRefused(Harness.AGENT, "noSuchProfile", TestCa.ecCsr("CN=x").toDer().bytes(),
                ErrorKind.UNKNOWN_PROFILE, "no profile 'noSuchProfile'");
    }

    @Test
    void disabledProfile_isUnknownProfile() {
        h.authority.profiles().disable(Harness.AGENT, "caECServerCert");
        assertRefused(Harness.AGENT, "caECServerCert", TestCa.ecCsr("CN=x").toDer().bytes(),
                ErrorKind.UNKNOWN_PROFILE, "profile 'caECServerCert' is disabled");
    }

    @Test
    void unknownRequestId_isNotFound() {
        assertThatThrownBy(() -> h.authority.enrollment().status(new RequestId(42)))
                .isInstanceOfSatisfying(BrevetException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.NOT_FOUND));
    }

    @Test
    void enrollableProfiles_areTheEnabledVisibleOnes() {
        h.authority.profiles().disable(Harness.AGENT, "caUserCert");
        assertThat(h.authority.enrollment().enrollableProfiles()).extracting(ProfileSummary::id)
                .contains("caServerCert", "caECServerCert", "caCACert")
                .doesNotContain("caUserCert", "caIPAserviceCert", "caSignedLogCert", "caAdminCert");
    }

    @Test
    void auditFailure_beforeSigning_meansNoCertificate() {
        h.audit.fail();
        assertThatThrownBy(() -> submit(Harness.AGENT, "caECServerCert", TestCa.ecCsr("CN=www.example.com")))
                .isInstanceOfSatisfying(BrevetException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.UNAVAILABLE));
        assertThat(h.store.certificates).isEmpty();
        assertThat(h.store.requests).isEmpty();
        // the serial was reserved (Boulder: intent before audit and signing), but nothing was signed or stored
        assertThat(h.store.intents).hasSize(1);
    }
}
