package org.brevet.ca.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.brevet.ca.api.AuditEvent;
import org.brevet.ca.api.Caller;
import org.brevet.ca.api.CertificateRequest;
import org.brevet.ca.api.EnrollmentRequest;
import org.brevet.ca.api.EnrollmentResult;
import org.brevet.ca.api.PageRequest;
import org.brevet.ca.api.RequestId;
import org.brevet.ca.api.RequestQuery;
import org.brevet.ca.api.RequestStatus;
import org.brevet.ca.audit.AuditEvents;
import org.brevet.ca.testing.Harness;
import org.brevet.ca.testing.TestCa;
import org.brevet.pki.BrevetException;
import org.brevet.pki.Certificate;
import org.brevet.pki.ErrorKind;
import org.junit.jupiter.api.Test;

class AgentReviewServiceTest {
    private final Harness h = new Harness();

    private RequestId pending() {
        return h.authority.enrollment().submit(Caller.ANONYMOUS,
                new EnrollmentRequest("caECServerCert", TestCa.ecCsr("CN=www.example.com").toDer())).request().id();
    }

    private static void assertKind(Runnable action, ErrorKind kind) {
        assertThatThrownBy(action::run).isInstanceOfSatisfying(BrevetException.class, e -> assertThat(e.kind()).isEqualTo(kind));
    }

    @Test
    void approve_issuesTheCertificate_andCompletesTheRequest() {
        RequestId id = pending();
        h.clock.advance(java.time.Duration.ofMinutes(5));

        EnrollmentResult r = h.authority.agentReview().approve(Harness.AGENT, id);

        assertThat(r.request().status()).isEqualTo(RequestStatus.COMPLETE);
        assertThat(r.request().reviewer()).contains("agent1");
        assertThat(r.request().updatedAt()).isEqualTo(h.clock.instant());
        Certificate cert = Certificate.fromDer(r.certificate().orElseThrow().der());
        assertThat(cert.notBefore()).isEqualTo(h.clock.instant());
        assertThat(h.store.requests.get(id).status()).isEqualTo(RequestStatus.COMPLETE);
        assertThat(h.store.certificates).hasSize(1);
        assertThat(h.audit.names()).endsWith(AuditEvents.ROLE_ASSUME, AuditEvents.CERT_SIGNING_INTENT,
                AuditEvents.CERT_REQUEST_PROCESSED);
        AuditEvent last = h.audit.events().get(h.audit.events().size() - 1);
        assertThat(last.name()).isEqualTo(AuditEvents.CERT_REQUEST_PROCESSED);
        assertThat(last.subjectId()).isEqualTo("agent1");
        assertThat(last.fields()).containsEntry("ReqID", id.toString());
    }

    @Test
    void auditFailureBeforeSigning_leavesTheRequestPending() {
        RequestId id = pending();
        h.audit.failOn(AuditEvents.CERT_SIGNING_INTENT);
        assertKind(() -> h.authority.agentReview().approve(Harness.AGENT, id), ErrorKind.UNAVAILABLE);
        assertThat(h.store.requests.get(id).status()).isEqualTo(RequestStatus.PENDING);
        assertThat(h.store.certificates).isEmpty();
    }

    @Test
    void approvingTwice_isConflict_andIssuesOnce() {
        RequestId id = pending();
        h.authority.agentReview().approve(Harness.AGENT, id);

        assertKind(() -> h.authority.agentReview().approve(Harness.AGENT, id), ErrorKind.CONFLICT);
        assertThat(h.store.certificates).hasSize(1);
    }

    @Test
    void concurrentApprovals_issueExactlyOnce() throws Exception {
        RequestId id = pending();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<EnrollmentResult>> tasks = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                tasks.add(() -> h.authority.agentReview().approve(Harness.AGENT, id));
            }
            int ok = 0;
            int conflicts = 0;
            for (Future<EnrollmentResult> f : pool.invokeAll(tasks, 30, TimeUnit.SECONDS)) {
                try {
                    f.get();
                    ok++;
                } catch (java.util.concurrent.ExecutionException e) {
                    assertThat(((BrevetException) e.getCause()).kind()).isEqualTo(ErrorKind.CONFLICT);
                    conflicts++;
                }
            }
            assertThat(ok).isEqualTo(1);
            assertThat(conflicts).isEqualTo(3);
            assertThat(h.store.certificates).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void approvalWithoutAgentRole_isUnauthorized_andAudited() {
        RequestId id = pending();
        assertKind(() -> h.authority.agentReview().approve(Harness.PLAIN_USER, id), ErrorKind.UNAUTHORIZED);
        assertKind(() -> h.authority.agentReview().approve(Harness.ADMIN, id), ErrorKind.UNAUTHORIZED);
        assertKind(() -> h.authority.agentReview().approve(Caller.ANONYMOUS, id), ErrorKind.UNAUTHORIZED);

        assertThat(h.store.requests.get(id).status()).isEqualTo(RequestStatus.PENDING);
        assertThat(h.store.certificates).isEmpty();
        assertThat(h.audit.events()).filteredOn(e -> e.name().equals(AuditEvents.ROLE_ASSUME))
                .extracting(AuditEvent::outcome).containsOnly(AuditEvent.Outcome.FAILURE).hasSize(3);
    }

    @Test
    void unknownRequestId_isNotFound() {
        RequestId unknown = new RequestId(12345);
        assertKind(() -> h.authority.agentReview().approve(Harness.AGENT, unknown), ErrorKind.NOT_FOUND);
        assertKind(() -> h.authority.agentReview().get(Harness.AGENT, unknown), ErrorKind.NOT_FOUND);
        assertKind(() -> h.authority.agentReview().reject(Harness.AGENT, unknown, Optional.empty()), ErrorKind.NOT_FOUND);
        assertThat(h.store.certificates).isEmpty();
    }

    @Test
    void reject_closesTheRequest_andApprovingAfterwardsIsConflict() {
        RequestId id = pending();
        CertificateRequest rejected = h.authority.agentReview().reject(Harness.AGENT, id, Optional.of("not ours"));

        assertThat(rejected.status()).isEqualTo(RequestStatus.REJECTED);
        assertThat(rejected.reason()).contains("not ours");
        assertThat(h.store.requests.get(id)).isEqualTo(rejected);
        assertKind(() -> h.authority.agentReview().approve(Harness.AGENT, id), ErrorKind.CONFLICT);
        assertKind(() -> h.authority.agentReview().cancel(Harness.AGENT, id, Optional.empty()), ErrorKind.CONFLICT);
        assertThat(h.store.certificates).isEmpty();
        assertThat(h.audit.events()).filteredOn(e -> e.name().equals(AuditEvents.CERT_REQUEST_PROCESSED))
                .singleElement().satisfies(e -> {
                    assertThat(e.outcome()).isEqualTo(AuditEvent.Outcome.FAILURE);
                    assertThat(e.fields()).containsEntry("InfoName", "rejectReason").containsEntry("InfoValue", "not ours");
                });
    }

    @Test
    void cancel_closesTheRequest() {
        RequestId id = pending();
        assertThat(h.authority.agentReview().cancel(Harness.AGENT, id, Optional.empty()).status())
                .isEqualTo(RequestStatus.CANCELED);
    }

    @Test
    void list_filtersByStatus_forAgentsOnly() {
        RequestId a = pending();
        RequestId b = pending();
        h.authority.agentReview().approve(Harness.AGENT, b);

        var page = h.authority.agentReview().list(Harness.AGENT,
                new RequestQuery(Optional.of(RequestStatus.PENDING), PageRequest.FIRST));
        assertThat(page.items()).extracting(CertificateRequest::id).containsExactly(a);
        assertKind(() -> h.authority.agentReview().list(Caller.ANONYMOUS,
                new RequestQuery(Optional.empty(), PageRequest.FIRST)), ErrorKind.UNAUTHORIZED);
    }

    @Test
    void approvalAfterTheProfileWasDisabled_isUnknownProfile_andLeavesItPending() {
        RequestId id = pending();
        h.authority.profiles().disable(Harness.AGENT, "caECServerCert");
        assertKind(() -> h.authority.agentReview().approve(Harness.AGENT, id), ErrorKind.UNKNOWN_PROFILE);
        assertThat(h.store.requests.get(id).status()).isEqualTo(RequestStatus.PENDING);
    }
}
