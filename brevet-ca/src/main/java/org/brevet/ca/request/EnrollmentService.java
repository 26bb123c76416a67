package org.brevet.ca.request;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.brevet.ca.api.AuditEvent;
import org.brevet.ca.api.AuditLog;
import org.brevet.ca.api.Caller;
import org.brevet.ca.api.CertificateRequest;
import org.brevet.ca.api.Enrollment;
import org.brevet.ca.api.EnrollmentRequest;
import org.brevet.ca.api.EnrollmentResult;
import org.brevet.ca.api.ProfileSummary;
import org.brevet.ca.api.RequestId;
import org.brevet.ca.audit.AuditEvents;
import org.brevet.ca.issue.CertificateIssuer;
import org.brevet.ca.profile.CertificateDraft;
import org.brevet.ca.profile.CertificateInput;
import org.brevet.ca.profile.Profile;
import org.brevet.ca.profile.ProfileCatalog;
import org.brevet.pki.BrevetException;
import org.brevet.pki.Csr;

/**
 * End-entity enrollment: parse and verify the CSR once, shape it with the profile, then either issue at
 * once (the profile's approval rule allows it for this caller) or store it PENDING for an agent. Bad input
 * is audited and stores nothing. Thread-safe.
 */
public final class EnrollmentService implements Enrollment {
    private final ProfileCatalog profiles;
    private final CertificateIssuer issuer;
    private final Requests requests;
    private final AuditLog audit;

    public EnrollmentService(ProfileCatalog profiles, CertificateIssuer issuer, Requests requests, AuditLog audit) {
        this.profiles = profiles;
        this.issuer = issuer;
        this.requests = requests;
        this.audit = audit;
    }

    @Override
    public EnrollmentResult submit(Caller caller, EnrollmentRequest submitted) {
        Profile profile;
        Csr csr;
        CertificateDraft draft;
        try {
            profile = profiles.enabled(submitted.profileId());
            csr = Csr.parse(submitted.csrBytes().bytes());
            csr.verifySignature();
            draft = profile.shape(CertificateInput.from(csr));
        } catch (BrevetException e) {
            Map<String, String> fields = new LinkedHashMap<>();
            fields.put("ProfileID", submitted.profileId());
            fields.put("Info", e.kind() + ": " + e.detail());
            audit.append(AuditEvent.failure(AuditEvents.PROFILE_CERT_REQUEST, caller, fields));
            throw e;
        }
        CertificateRequest request = requests.newPending(profile.id(), csr, caller);
        if (profile.definition().approval().issuesAtOnce(caller)) {
            // the issuer writes PROFILE_CERT_REQUEST, with the serial, just before signing
            return issuer.issueNew(draft, request, caller.auditId(), caller.userId());
        }
        audit.append(AuditEvent.success(AuditEvents.PROFILE_CERT_REQUEST, caller, submittedFields(request)));
        requests.insert(request);
        return new EnrollmentResult(request, Optional.empty());
    }

    private static Map<String, String> submittedFields(CertificateRequest request) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("ReqID", request.id().toString());
        fields.put("ProfileID", request.profileId());
        fields.put("SubjectDN", request.requestedSubject());
        fields.put("Approval", "pending");
        return fields;
    }

    @Override
    public EnrollmentResult status(RequestId id) {
        return requests.result(id);
    }

    @Override
    public List<ProfileSummary> enrollableProfiles() {
        return profiles.summaries().stream()
                .filter(p -> p.enabled() && p.visible())
                .sorted(Comparator.comparing(ProfileSummary::id))
                .toList();
    }
}
