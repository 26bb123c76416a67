package org.brevet.ca.request;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.brevet.ca.api.AgentReview;
import org.brevet.ca.api.AuditEvent;
import org.brevet.ca.api.AuditLog;
import org.brevet.ca.api.Caller;
import org.brevet.ca.api.CertificateRequest;
import org.brevet.ca.api.EnrollmentResult;
import org.brevet.ca.api.Page;
import org.brevet.ca.api.RequestId;
import org.brevet.ca.api.RequestQuery;
import org.brevet.ca.api.RequestStatus;
import org.brevet.ca.api.Role;
import org.brevet.ca.audit.AuditEvents;
import org.brevet.ca.auth.RoleGate;
import org.brevet.ca.issue.CertificateIssuer;
import org.brevet.ca.profile.CertificateInput;
import org.brevet.ca.profile.Profile;
import org.brevet.ca.profile.ProfileCatalog;
import org.brevet.pki.BrevetException;
import org.brevet.pki.Csr;
import org.brevet.pki.ErrorKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What agents do with pending requests. Every method needs the AGENT role. Approval re-applies the
 * profile as it is now (it may have changed since submission) and issues; a request that is no longer
 * pending gives CONFLICT, so approving twice never issues twice. Thread-safe.
 */
public final class AgentReviewService implements AgentReview {
    private static final Logger LOG = LoggerFactory.getLogger(AgentReviewService.class);

    private final ProfileCatalog profiles;
    private final CertificateIssuer issuer;
    private final Requests requests;
    private final RoleGate gate;
    private final AuditLog audit;

    public AgentReviewService(ProfileCatalog profiles, CertificateIssuer issuer, Requests requests, RoleGate gate,
            AuditLog audit) {
        this.profiles = profiles;
        this.issuer = issuer;
        this.requests = requests;
        this.gate = gate;
        this.audit = audit;
    }

    @Override
    public Page<CertificateRequest> list(Caller agent, RequestQuery query) {
        gate.require(agent, "list certificate requests", Role.AGENT);
        return requests.list(query);
    }

    @Override
    public CertificateRequest get(Caller agent, RequestId id) {
        gate.require(agent, "show a certificate request", Role.AGENT);
        return requests.find(id);
    }

    @Override
    public EnrollmentResult approve(Caller agent, RequestId id) {
        gate.require(agent, "approve a certificate request", Role.AGENT);
        CertificateRequest request = pending(id);
        Profile profile = profiles.enabled(request.profileId());
        Csr csr = Csr.parse(request.csr().bytes());
        EnrollmentResult issued = issuer.issuePending(profile.shape(CertificateInput.from(csr)), request, agent.auditId());
        LOG.info("request {} approved by {}: certificate {} issued", id, agent.auditId(), issued.request().serial().orElseThrow());
        return issued;
    }

    @Override
    public CertificateRequest reject(Caller agent, RequestId id, Optional<String> reason) {
        gate.require(agent, "reject a certificate request", Role.AGENT);
        return close(agent, id, RequestStatus.REJECTED, reason, "rejectReason");
    }

    @Override
    public CertificateRequest cancel(Caller agent, RequestId id, Optional<String> reason) {
        gate.require(agent, "cancel a certificate request", Role.AGENT);
        return close(agent, id, RequestStatus.CANCELED, reason, "cancelReason");
    }

    private CertificateRequest close(Caller agent, RequestId id, RequestStatus status, Optional<String> reason, String infoName) {
        CertificateRequest request = pending(id);
        CertificateRequest closed = request.closed(status, agent.auditId(), reason.filter(r -> !r.isBlank()), requests.now());
        if (!requests.closePending(closed)) {
            throw notPending(requests.find(id));
        }
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("ReqID", id.toString());
        fields.put("ProfileID", request.profileId());
        fields.put("InfoName", infoName);
        fields.put("InfoValue", reason.orElse(""));
        // Dogtag records rejections and cancellations as CERT_REQUEST_PROCESSED with Outcome=Failure
        audit.append(AuditEvent.failure(AuditEvents.CERT_REQUEST_PROCESSED, agent, fields));
        LOG.info("request {} {} by {}", id, status.wireName(), agent.auditId());
        return closed;
    }

    private CertificateRequest pending(RequestId id) {
        CertificateRequest request = requests.find(id);
        if (request.status() != RequestStatus.PENDING) {
            throw notPending(request);
        }
        return request;
    }

    private static BrevetException notPending(CertificateRequest request) {
        return new BrevetException(ErrorKind.CONFLICT,
                "request " + request.id() + " is " + request.status().wireName() + ", not pending");
    }
}
