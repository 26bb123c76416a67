package org.brevet.ca.cmc;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.brevet.ca.CaIdentity;
import org.brevet.ca.api.AuditEvent;
import org.brevet.ca.api.AuditLog;
import org.brevet.ca.api.Authentication;
import org.brevet.ca.api.Caller;
import org.brevet.ca.api.CmcEnrollment;
import org.brevet.ca.api.Enrollment;
import org.brevet.ca.api.EnrollmentRequest;
import org.brevet.ca.api.EnrollmentResult;
import org.brevet.ca.api.Role;
import org.brevet.pki.BrevetException;
import org.brevet.pki.Certificate;
import org.brevet.pki.Der;
import org.brevet.pki.ErrorKind;
import org.brevet.protocol.cmc.CmcCertRequest;
import org.brevet.protocol.cmc.CmcControls;
import org.brevet.protocol.cmc.CmcFailInfo;
import org.brevet.protocol.cmc.CmcSigner;
import org.brevet.protocol.cmc.CmcStatusInfo;
import org.brevet.protocol.cmc.FullPkiRequest;
import org.brevet.protocol.cmc.FullPkiResponseBuilder;
import org.brevet.protocol.cmc.Pkcs10CmcRequest;

/**
 * Dogtag's CMCAuth: the Full PKI Request's signature verifies (the codec checks it), its signer certificate
 * was issued by this CA and is valid now, and it is registered to a user holding the agent role; then every
 * PKCS#10 request in it goes through the ordinary enrollment use case as that agent (so the profile's rules,
 * the audit trail and issuance are the REST path's). Failures are CMC failures with Dogtag's failInfo
 * choices: badRequest (not a PKIData, unknown profile, policy), badMessageCheck (signature), badIdentity
 * (not an agent), popFailed (a request's own signature), tryLater (database), internalCAError.
 */
public final class CmcService implements CmcEnrollment {
    /** Dogtag's default profile of profileSubmitCMCFull. */
    public static final String DEFAULT_PROFILE = "caFullCMCUserCert";
    static final String AUDIT_EVENT = "CMC_SIGNED_REQUEST_SIG_VERIFY";

    private final Enrollment enrollment;
    private final Authentication authentication;
    private final CaIdentity ca;
    private final AuditLog audit;
    private final Clock clock;

    public CmcService(Enrollment enrollment, Authentication authentication, CaIdentity ca, AuditLog audit, Clock clock) {
        this.enrollment = enrollment;
        this.authentication = authentication;
        this.ca = ca;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public Der agentSigned(byte[] requestBytes, Optional<String> profileId) {
        FullPkiRequest request;
        try {
            request = FullPkiRequest.parse(requestBytes);
        } catch (BrevetException e) {
            CmcFailInfo why = e.kind() == ErrorKind.BAD_SIGNATURE ? CmcFailInfo.BAD_MESSAGE_CHECK : CmcFailInfo.BAD_REQUEST;
            return new FullPkiResponseBuilder().status(CmcStatusInfo.failed(List.of(), why, e.detail()))
                    .sign(ca.signer(), ca.certificate(), ca.chain());
        }
        List<Long> bodyParts = request.requests().stream().map(CmcCertRequest::bodyPartId).toList();
        Caller agent;
        try {
            agent = agent(request.signer());
        } catch (BrevetException e) {
            audit.append(AuditEvent.failure(AUDIT_EVENT, Caller.ANONYMOUS, Map.of("Info", e.detail())));
            return failure(bodyParts, request.controls(), CmcFailInfo.BAD_IDENTITY, e.detail());
        }
        String profile = profileId.filter(p -> !p.isBlank()).orElse(DEFAULT_PROFILE);
        List<Certificate> issued = new ArrayList<>();
        for (CmcCertRequest r : request.requests()) {
            if (!(r instanceof Pkcs10CmcRequest pkcs10)) {
                return failure(bodyParts, request.controls(), CmcFailInfo.BAD_REQUEST,
                        "body part " + r.bodyPartId() + ": only PKCS#10 requests are accepted on this path so far");
            }
            try {
                EnrollmentResult result = enrollment.submit(agent, new EnrollmentRequest(profile, pkcs10.csr().toDer()));
                if (result.certificate().isEmpty()) {
                    return failure(bodyParts, request.controls(), CmcFailInfo.BAD_REQUEST, "request "
                            + result.request().id() + " waits for an agent: profile " + profile + " does not issue at once");
                }
                issued.add(Certificate.fromDer(result.certificate().get().der()));
            } catch (BrevetException e) {
                return failure(bodyParts, request.controls(), failInfo(e.kind()), "body part " + r.bodyPartId() + ": " + e.detail());
            }
        }
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("SignerSubject", ((CmcSigner.ByCertificate) request.signer()).certificate().subject().rfc4514());
        audit.append(AuditEvent.success(AUDIT_EVENT, agent, fields));
        return new FullPkiResponseBuilder().status(CmcStatusInfo.success(bodyParts)).echo(request.controls())
                .certificates(issued).sign(ca.signer(), ca.certificate(), ca.chain());
    }

    private Caller agent(CmcSigner signer) {
        if (!(signer instanceof CmcSigner.ByCertificate byCertificate)) {
            throw new BrevetException(ErrorKind.UNAUTHORIZED, "an agent-signed CMC request must carry the agent's certificate");
        }
        Certificate cert = byCertificate.certificate();
        if (!cert.verifiedBy(ca.certificate().publicKey()) || !cert.isValidAt(clock.instant())) {
            throw new BrevetException(ErrorKind.UNAUTHORIZED, "the signer certificate " + cert.subject().rfc4514()
                    + " was not issued by this CA or is not valid now");
        }
        Caller caller = authentication.requireUser(Optional.of(cert.toDer()));
        if (!caller.hasRole(Role.AGENT)) {
            throw new BrevetException(ErrorKind.UNAUTHORIZED, "the signer " + caller.auditId() + " is not an agent");
        }
        return caller;
    }

    private static CmcFailInfo failInfo(ErrorKind kind) {
        return switch (kind) {
            case BAD_SIGNATURE, BAD_POP -> CmcFailInfo.POP_FAILED;
            case UNAVAILABLE -> CmcFailInfo.TRY_LATER;
            case INTERNAL -> CmcFailInfo.INTERNAL_CA_ERROR;
            case UNAUTHORIZED -> CmcFailInfo.BAD_IDENTITY;
            default -> CmcFailInfo.BAD_REQUEST;
        };
    }

    private Der failure(List<Long> bodyParts, CmcControls controls, CmcFailInfo why, String detail) {
        return new FullPkiResponseBuilder().status(CmcStatusInfo.failed(bodyParts, why, detail)).echo(controls)
                .sign(ca.signer(), ca.certificate(), ca.chain());
    }
}
