package org.brevet.ca.scep;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.brevet.ca.api.Caller;
import org.brevet.ca.api.CertificateRecord;
import org.brevet.ca.api.CertificateStatus;
import org.brevet.ca.api.Enrollment;
import org.brevet.ca.api.EnrollmentRequest;
import org.brevet.ca.api.EnrollmentResult;
import org.brevet.ca.api.RequestId;
import org.brevet.ca.api.RequestStatus;
import org.brevet.ca.api.Role;
import org.brevet.ca.api.Scep;
import org.brevet.ca.api.ScepChallenge;
import org.brevet.ca.api.store.CertificateRepository;
import org.brevet.ca.api.store.ScepRepository;
import org.brevet.ca.auth.RoleGate;
import org.brevet.pki.BrevetException;
import org.brevet.pki.Certificate;
import org.brevet.pki.CertificateBundle;
import org.brevet.pki.Csr;
import org.brevet.pki.Der;
import org.brevet.pki.DistinguishedName;
import org.brevet.pki.Secret;
import org.brevet.protocol.scep.CertRepBuilder;
import org.brevet.protocol.scep.Decoded;
import org.brevet.protocol.scep.FailInfo;
import org.brevet.protocol.scep.MessageType;
import org.brevet.protocol.scep.PkiMessage;
import org.brevet.protocol.scep.PkiMessageDecoder;
import org.brevet.protocol.scep.RaKey;
import org.brevet.protocol.scep.Transaction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SCEP's rules. PKCSReq with a valid one-time challenge password is submitted on behalf of the agent who
 * created the password (so profiles approved by agents issue at once); without a password it waits for an
 * agent (CertPoll then finds it); with a wrong, used or expired one it fails with badRequest and nothing
 * is stored. RenewalReq, or PKCSReq signed by a valid certificate this CA issued with the same subject,
 * needs no password. Issuance itself is the ordinary {@link Enrollment} use case. Thread-safe.
 */
public final class ScepService implements Scep {
    private static final Logger LOG = LoggerFactory.getLogger(ScepService.class);
    static final String CAPABILITIES = String.join("\n",
            "POSTPKIOperation", "SHA-256", "SHA-512", "AES", "Renewal", "SCEPStandard") + "\n";

    private final ScepConfig config;
    private final RaKey ra;
    private final List<Certificate> caChain;
    private final Enrollment enrollment;
    private final CertificateRepository certificates;
    private final ScepRepository store;
    private final ChallengePasswords passwords;
    private final RoleGate gate;
    private final PkiMessageDecoder decoder;
    private final CertRepBuilder replies;
    private final Clock clock;

    public ScepService(ScepConfig config, RaKey ra, List<Certificate> caChain, Enrollment enrollment,
            CertificateRepository certificates, ScepRepository store, RoleGate gate, Clock clock, SecureRandom random) {
        this.config = config;
        this.ra = ra;
        this.caChain = List.copyOf(caChain);
        this.enrollment = enrollment;
        this.certificates = certificates;
        this.store = store;
        this.passwords = new ChallengePasswords(store, clock, random);
        this.gate = gate;
        this.decoder = new PkiMessageDecoder(ra, clock);
        this.replies = new CertRepBuilder(ra, random, clock);
        this.clock = clock;
    }

    @Override
    public String capabilities() {
        return CAPABILITIES;
    }

    @Override
    public Der caCertificates() {
        List<Certificate> all = new ArrayList<>();
        all.add(ra.certificate());
        all.addAll(caChain);
        return CertificateBundle.toPkcs7(all);
    }

    @Override
    public ScepChallenge createChallenge(Caller caller, Optional<DistinguishedName> subject, Duration validFor) {
        gate.require(caller, "create a SCEP challenge password", Role.AGENT);
        ScepChallenge created = passwords.create(caller.auditId(), subject, validFor);
        LOG.info("SCEP challenge password created by {} (subject {}, expires {})", caller.auditId(),
                created.subject().orElse("any"), created.expiresAt());
        return created;
    }

    @Override
    public Der pkiOperation(Optional<String> profileId, Der message) {
        Decoded decoded = decoder.decode(message);
        if (decoded instanceof Decoded.Invalid invalid) {
            return refuse(invalid.transaction(), invalid.failInfo(), invalid.reason());
        }
        PkiMessage m = ((Decoded.Valid) decoded).message();
        MessageType type = m.messageType();
        if (type == MessageType.PKCS_REQ || type == MessageType.RENEWAL_REQ) {
            return enroll(profileId.orElse(config.profile()), m);
        }
        if (type == MessageType.CERT_POLL) {
            return poll(m);
        }
        return refuse(m.transaction(), FailInfo.BAD_REQUEST, "messageType " + type + " is not supported");
    }

    private Der enroll(String profileId, PkiMessage m) {
        Csr csr;
        try {
            csr = Csr.parse(m.content().bytes());
            csr.verifySignature();
        } catch (BrevetException e) {
            return refuse(m.transaction(), FailInfo.BAD_REQUEST, "the certificate request is invalid: " + e.detail());
        }
        Optional<CertificateRecord> current = currentCertificate(m.signer());
        Caller caller;
        if (current.isPresent()) {
            if (!DistinguishedName.parse(current.get().subject()).equals(csr.subject())) {
                return refuse(m.transaction(), FailInfo.BAD_REQUEST, "a renewal must keep the subject "
                        + current.get().subject());
            }
            caller = Caller.user("scep-renewal:" + current.get().serial(), Set.of(Role.AGENT));
        } else if (m.messageType() == MessageType.RENEWAL_REQ) {
            return refuse(m.transaction(), FailInfo.BAD_REQUEST, "RenewalReq not signed by a valid certificate of this CA");
        } else if (!m.signer().publicKey().equals(csr.publicKey())) {
            return refuse(m.transaction(), FailInfo.BAD_MESSAGE_CHECK, "the message is not signed with the request's key");
        } else {
            Optional<Der> resent = resent(m);
            if (resent.isPresent()) {
                return resent.get();
            }
            Optional<Secret> password = csr.challengePassword();
            if (password.isEmpty()) {
                caller = Caller.ANONYMOUS;
            } else {
                Optional<String> agent = passwords.consume(password.get(), csr.subject());
                if (agent.isEmpty()) {
                    return refuse(m.transaction(), FailInfo.BAD_REQUEST,
                            "the challenge password is wrong, used, expired or for another subject");
                }
                caller = Caller.user("scep:" + agent.get(), Set.of(Role.AGENT));
            }
        }
        EnrollmentResult result;
        try {
            result = enrollment.submit(caller, new EnrollmentRequest(profileId, csr.toDer()));
        } catch (BrevetException e) {
            return refuse(m.transaction(), FailInfo.BAD_REQUEST, e.kind() + ": " + e.detail());
        }
        store.saveTransaction(m.transaction().transactionId(), result.request().id(), clock.instant());
        return reply(m, result);
    }

    /** A PKCSReq sent again while its request still waits for an agent gets PENDING again, not a new request. */
    private Optional<Der> resent(PkiMessage m) {
        return store.findTransaction(m.transaction().transactionId())
                .map(enrollment::status)
                .filter(r -> r.request().status() == RequestStatus.PENDING)
                .map(r -> replies.pending(m.transaction()));
    }

    private Der poll(PkiMessage m) {
        Optional<RequestId> id = store.findTransaction(m.transaction().transactionId());
        if (id.isEmpty()) {
            return refuse(m.transaction(), FailInfo.BAD_CERT_ID, "no SCEP transaction " + m.transaction().transactionId());
        }
        return reply(m, enrollment.status(id.get()));
    }

    private Der reply(PkiMessage m, EnrollmentResult result) {
        RequestStatus status = result.request().status();
        if (status == RequestStatus.COMPLETE && result.certificate().isPresent()) {
            Certificate issued = Certificate.fromDer(result.certificate().get().der());
            LOG.info("SCEP transaction {}: issued {} ({})", m.transaction().transactionId(), issued.serial(), issued.subject());
            return replies.success(m.transaction(), m.signer(), m.cipher(), List.of(issued));
        }
        if (status == RequestStatus.PENDING) {
            LOG.info("SCEP transaction {}: request {} pending", m.transaction().transactionId(), result.request().id());
            return replies.pending(m.transaction());
        }
        return refuse(m.transaction(), FailInfo.BAD_REQUEST, "request " + result.request().id() + " is " + status.wireName());
    }

    /** The signer's certificate if this CA issued it and it is valid now (a renewal); empty otherwise. */
    private Optional<CertificateRecord> currentCertificate(Certificate signer) {
        if (signer.isSelfIssued() || !signer.verifiedBy(caChain.get(0).publicKey())) {
            return Optional.empty();
        }
        return certificates.find(signer.serial())
                .filter(r -> r.der().equals(signer.toDer()))
                .filter(r -> r.statusAt(clock.instant()) == CertificateStatus.VALID);
    }

    private Der refuse(Transaction transaction, FailInfo failInfo, String reason) {
        LOG.warn("SCEP transaction {} ({}): FAILURE {}: {}", transaction.transactionId(), transaction.messageType(),
                failInfo, reason);
        return replies.failure(transaction, failInfo);
    }
}
