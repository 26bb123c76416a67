package org.brevet.ca.revoke;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.brevet.ca.api.AuditEvent;
import org.brevet.ca.api.Caller;
import org.brevet.ca.api.CertificateRecord;
import org.brevet.ca.api.EnrollmentRequest;
import org.brevet.ca.api.Requester;
import org.brevet.ca.api.RevocationRecord;
import org.brevet.ca.api.RevocationRequest;
import org.brevet.ca.audit.AuditEvents;
import org.brevet.ca.auth.RoleGate;
import org.brevet.ca.testing.Harness;
import org.brevet.ca.testing.InMemoryRevocations;
import org.brevet.ca.testing.TestCa;
import org.brevet.pki.BrevetException;
import org.brevet.pki.ErrorKind;
import org.brevet.pki.RevocationReason;
import org.brevet.pki.SerialNumber;
import org.junit.jupiter.api.Test;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

class RevocationServiceTest {
    private final Harness h = new Harness();
    private final InMemoryRevocations revocations = new InMemoryRevocations(h.store);
    private final RevocationService service = new RevocationService(h.store.repositories().certificates(), revocations,
            new RoleGate(h.audit), h.audit, h.clock);
    private final CertificateRecord cert = issue("CN=www.example.com");

    private CertificateRecord issue(String subject) {
        return h.authority.enrollment().submit(Harness.AGENT, new EnrollmentRequest("caECServerCert", TestCa.ecCsr(subject).toDer()))
                .certificate().orElseThrow();
    }

    private static Requester agent() {
        return Requester.of(Harness.AGENT);
    }

    private void assertRefused(ThrowingCallable call, ErrorKind kind, String detail) {
        assertThatThrownBy(call).isInstanceOfSatisfying(BrevetException.class, e -> {
            assertThat(e.kind()).isEqualTo(kind);
            assertThat(e.detail()).contains(detail);
        });
        assertThat(h.audit.events()).last().satisfies(ev -> {
            assertThat(ev.name()).isEqualTo(AuditEvents.CERT_STATUS_CHANGE_REQUEST_PROCESSED);
            assertThat(ev.outcome()).isEqualTo(AuditEvent.Outcome.FAILURE);
        });
    }

    @Test
    void agentRevokes_storedWithReasonInvalidityDateAndComment_andAudited() {
        h.clock.advance(Duration.ofMinutes(5));
        Instant compromised = TestCa.START.plusSeconds(60);
        RevocationRecord r = service.revoke(agent(), new RevocationRequest(cert.serial(), RevocationReason.KEY_COMPROMISE,
                Optional.of(compromised), Optional.of("laptop stolen")));

        assertThat(revocations.find(cert.serial())).contains(r);
        assertThat(r.revokedAt()).isEqualTo(TestCa.START.plus(Duration.ofMinutes(5)));
        assertThat(r.invalidityDate()).contains(compromised);
        assertThat(r.revokedBy()).isEqualTo("agent1");
        assertThat(r.certificateNotAfter()).isEqualTo(cert.notAfter());
        assertThat(h.audit.names()).containsSubsequence(AuditEvents.CERT_STATUS_CHANGE_REQUEST, AuditEvents.ROLE_ASSUME,
                AuditEvents.CERT_STATUS_CHANGE_REQUEST_PROCESSED);
        AuditEvent processed = h.audit.events().get(h.audit.events().size() - 1);
        assertThat(processed.outcome()).isEqualTo(AuditEvent.Outcome.SUCCESS);
        assertThat(processed.fields()).containsEntry("CertSerialNum", cert.serial().toString())
                .containsEntry("RequestType", "revoke").containsEntry("RevokeReasonNum", "1")
                .containsEntry("Comment", "laptop stolen");
    }

    @Test
    void everyRfc5280Reason_butRemoveFromCrl_canBeUsed() {
        for (RevocationReason reason : RevocationReason.values()) {
            CertificateRecord c = issue("CN=" + reason.rfcName() + ".example.com");
            if (reason == RevocationReason.REMOVE_FROM_CRL) {
                assertRefused(() -> service.revoke(agent(), RevocationRequest.of(c.serial(), reason)), ErrorKind.MALFORMED, "release the hold");
            } else {
                assertThat(service.revoke(agent(), RevocationRequest.of(c.serial(), reason)).reason()).isEqualTo(reason);
            }
        }
    }

    @Test
    void revokingTwice_isAlreadyRevoked() {
        service.revoke(agent(), RevocationRequest.of(cert.serial(), RevocationReason.SUPERSEDED));
        assertRefused(() -> service.revoke(agent(), RevocationRequest.of(cert.serial(), RevocationReason.KEY_COMPROMISE)),
                ErrorKind.ALREADY_REVOKED, "already revoked (superseded)");
    }

    @Test
    void revokingAHeldCertificate_isAlreadyRevoked() {
        service.revoke(agent(), RevocationRequest.of(cert.serial(), RevocationReason.CERTIFICATE_HOLD));
        assertRefused(() -> service.revoke(agent(), RevocationRequest.of(cert.serial(), RevocationReason.KEY_COMPROMISE)),
                ErrorKind.ALREADY_REVOKED, "on hold");
    }

    @Test
    void unknownSerial_isNotFound() {
        assertRefused(() -> service.revoke(agent(), RevocationRequest.of(SerialNumber.parse("0x1234"), RevocationReason.UNSPECIFIED)),
                ErrorKind.NOT_FOUND, "no certificate with serial 0x1234");
        assertThat(revocations.revoked).isEmpty();
    }

    @Test
    void futureInvalidityDate_isMalformed() {
        assertRefused(() -> service.revoke(agent(), new RevocationRequest(cert.serial(), RevocationReason.KEY_COMPROMISE,
                Optional.of(TestCa.START.plusSeconds(3600)), Optional.empty())), ErrorKind.MALFORMED, "in the future");
    }

    @Test
    void holderPresentingItsCertificate_mayRevokeIt_butNotHoldIt() {
        Requester holder = Requester.of(Caller.ANONYMOUS, Optional.of(cert.der()));
        assertRefused(() -> service.revoke(holder, RevocationRequest.of(cert.serial(), RevocationReason.CERTIFICATE_HOLD)),
                ErrorKind.UNAUTHORIZED, "only an agent");
        RevocationRecord r = service.revoke(holder, RevocationRequest.of(cert.serial(), RevocationReason.KEY_COMPROMISE));
        assertThat(r.revokedBy()).isEqualTo(RevocationService.HOLDER);
    }

    @Test
    void someoneElsesCertificate_isUnauthorized_withoutRevealingWhetherItExists() {
        CertificateRecord other = issue("CN=other.example.com");
        Requester holder = Requester.of(Harness.PLAIN_USER, Optional.of(other.der()));
        assertRefused(() -> service.revoke(holder, RevocationRequest.of(cert.serial(), RevocationReason.KEY_COMPROMISE)),
                ErrorKind.UNAUTHORIZED, "does not have the agent role");
        assertRefused(() -> service.revoke(Requester.of(Caller.ANONYMOUS), RevocationRequest.of(SerialNumber.parse("0x99"), RevocationReason.KEY_COMPROMISE)),
                ErrorKind.UNAUTHORIZED, "no client certificate");
        assertThat(revocations.revoked).isEmpty();
    }

    @Test
    void releaseHold_makesTheCertificateGoodAgain_andIsRecordedForDeltas() {
        service.revoke(agent(), RevocationRequest.of(cert.serial(), RevocationReason.CERTIFICATE_HOLD));
        h.clock.advance(Duration.ofMinutes(1));
        RevocationRecord released = service.releaseHold(Harness.AGENT, cert.serial(), Optional.of("found it"));
        assertThat(released.onHold()).isTrue();
        assertThat(service.find(cert.serial())).isEmpty();
        assertThat(revocations.releases).singleElement().satisfies(r -> {
            assertThat(r.reason()).isEqualTo(RevocationReason.REMOVE_FROM_CRL);
            assertThat(r.revokedAt()).isEqualTo(TestCa.START.plusSeconds(60));
        });
        assertThat(h.audit.events()).last().satisfies(e -> assertThat(e.fields()).containsEntry("RequestType", "off-hold"));
    }

    @Test
    void releasingACertificateThatIsNotOnHold_isConflict() {
        assertRefused(() -> service.releaseHold(Harness.AGENT, cert.serial(), Optional.empty()), ErrorKind.CONFLICT, "is not on hold");
        service.revoke(agent(), RevocationRequest.of(cert.serial(), RevocationReason.KEY_COMPROMISE));
        assertRefused(() -> service.releaseHold(Harness.AGENT, cert.serial(), Optional.empty()), ErrorKind.CONFLICT,
                "revoked (keyCompromise), not on hold");
        assertThat(revocations.find(cert.serial())).isPresent();
    }

    @Test
    void releaseHold_needsAnAgent() {
        service.revoke(agent(), RevocationRequest.of(cert.serial(), RevocationReason.CERTIFICATE_HOLD));
        assertThatThrownBy(() -> service.releaseHold(Harness.PLAIN_USER, cert.serial(), Optional.empty()))
                .isInstanceOfSatisfying(BrevetException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.UNAUTHORIZED));
        assertThat(revocations.find(cert.serial())).isPresent();
    }

    @Test
    void auditLogDown_nothingIsRevoked() {
        h.audit.fail();
        assertThatThrownBy(() -> service.revoke(agent(), RevocationRequest.of(cert.serial(), RevocationReason.KEY_COMPROMISE)))
                .isInstanceOfSatisfying(BrevetException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.UNAVAILABLE));
        assertThat(revocations.revoked).isEmpty();
    }
}
