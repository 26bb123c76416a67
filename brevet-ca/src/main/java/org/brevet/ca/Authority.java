package org.brevet.ca;

import java.security.PublicKey;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.brevet.ca.api.AgentReview;
import org.brevet.ca.api.AuditEvent;
import org.brevet.ca.api.AuditLog;
import org.brevet.ca.api.Authentication;
import org.brevet.ca.api.CertificateRecord;
import org.brevet.ca.api.CertificateRequest;
import org.brevet.ca.api.CertificateSearch;
import org.brevet.ca.api.Enrollment;
import org.brevet.ca.api.ProfileAdministration;
import org.brevet.ca.api.ProfileRecord;
import org.brevet.ca.api.RequestId;
import org.brevet.ca.api.RequestStatus;
import org.brevet.ca.api.Role;
import org.brevet.ca.api.User;
import org.brevet.ca.api.UserAdministration;
import org.brevet.ca.api.store.Repositories;
import org.brevet.ca.audit.AuditEvents;
import org.brevet.ca.auth.CertificateAuthentication;
import org.brevet.ca.auth.RoleGate;
import org.brevet.ca.auth.UserService;
import org.brevet.ca.issue.CertificateIssuer;
import org.brevet.ca.issue.CertificateSearchService;
import org.brevet.ca.profile.CertificateInput;
import org.brevet.ca.profile.Profile;
import org.brevet.ca.profile.ProfileCatalog;
import org.brevet.ca.profile.ProfileDefinition;
import org.brevet.ca.profile.ProfileParser;
import org.brevet.ca.profile.ProfileService;
import org.brevet.ca.profile.ShippedProfiles;
import org.brevet.pki.BrevetException;
import org.brevet.pki.Certificate;
import org.brevet.pki.Der;
import org.brevet.pki.DistinguishedName;
import org.brevet.pki.ErrorKind;
import org.brevet.pki.SubjectAltName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The certificate authority as the server sees it: built once, it holds the use-case services and the
 * three installation steps ({@link #installDefaultProfiles}, {@link #issueSystemCertificate},
 * {@link #bootstrapAdministrator}). It has no rules of its own; those live in the services.
 */
public final class Authority {
    private static final Logger LOG = LoggerFactory.getLogger(Authority.class);

    private final Enrollment enrollment;
    private final AgentReview agentReview;
    private final CertificateSearch certificates;
    private final ProfileAdministration profiles;
    private final UserAdministration users;
    private final Authentication authentication;
    private final Installation installation;

    private Authority(Enrollment enrollment, AgentReview agentReview, CertificateSearch certificates,
            ProfileAdministration profiles, UserAdministration users, Authentication authentication,
            Installation installation) {
        this.enrollment = enrollment;
        this.agentReview = agentReview;
        this.certificates = certificates;
        this.profiles = profiles;
        this.users = users;
        this.authentication = authentication;
        this.installation = installation;
    }

    /** Wires the services; audits CERT_SIGNING_INFO with the CA certificate in use (as Dogtag does at start). */
    public static Authority create(AuthorityConfig config, CaIdentity identity, Repositories repos, AuditLog audit,
            Clock clock, SecureRandom random) {
        ProfileCatalog catalog = new ProfileCatalog(repos.profiles(), new ProfileParser());
        CertificateIssuer issuer = new CertificateIssuer(identity, config, repos.issuance(), audit, clock, random);
        org.brevet.ca.request.Requests requests =
                new org.brevet.ca.request.Requests(repos.requests(), repos.certificates(), clock, random);
        RoleGate gate = new RoleGate(audit);
        Authority authority = new Authority(
                new org.brevet.ca.request.EnrollmentService(catalog, issuer, requests, audit),
                new org.brevet.ca.request.AgentReviewService(catalog, issuer, requests, gate, audit),
                new CertificateSearchService(repos.certificates(), identity),
                new ProfileService(repos.profiles(), catalog, gate, audit, clock),
                new UserService(repos.users(), gate, audit),
                new CertificateAuthentication(repos.users(), audit),
                new Installation(catalog, issuer, repos, audit, clock, random));
        audit.append(signingInfo(identity.certificate()));
        LOG.info("authority {} ready (CA certificate {}, valid until {})", identity.certificate().subject(),
                identity.certificate().serial(), identity.certificate().notAfter());
        return authority;
    }

    private static AuditEvent signingInfo(Certificate ca) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("SubjectDN", ca.subject().rfc4514());
        fields.put("CertSerialNum", ca.serial().toString());
        fields.put("SKI", ca.subjectKeyIdentifier().map(Der::toHex).orElse(""));
        fields.put("NotAfter", ca.notAfter().toString());
        return new AuditEvent(AuditEvents.CERT_SIGNING_INFO, AuditEvents.SYSTEM, AuditEvent.Outcome.SUCCESS, fields);
    }

    public Enrollment enrollment() {
        return enrollment;
    }

    public AgentReview agentReview() {
        return agentReview;
    }

    public CertificateSearch certificates() {
        return certificates;
    }

    public ProfileAdministration profiles() {
        return profiles;
    }

    public UserAdministration users() {
        return users;
    }

    public Authentication authentication() {
        return authentication;
    }

    /**
     * Issues a system certificate (Server-Cert, subsystemCert, ocspSigningCert, auditSigningCert, the
     * administrator's) through the normal profile and issuance path, without a CSR: stored with a request
     * that has an empty CSR, and audited with subject {@code $System$}. The SANs count as requested SANs,
     * so they appear only if the profile copies requested SANs. The profile must exist (enabled or not).
     */
    public CertificateRecord issueSystemCertificate(String profileId, DistinguishedName subject, PublicKey key,
            List<SubjectAltName> sans) {
        return installation.issueSystemCertificate(profileId, subject, key, sans);
    }

    /** Loads the shipped profiles into the database, leaving any that already exist untouched. */
    public void installDefaultProfiles() {
        installation.installDefaultProfiles();
    }

    /** Creates the first administrator (roles ADMINISTRATOR and AGENT) with the certificate, audited. */
    public void bootstrapAdministrator(String userId, String fullName, Der certificate) {
        installation.bootstrapAdministrator(userId, fullName, certificate);
    }

    /** The installation steps, which act as {@code $System$} rather than as a caller. */
    private record Installation(ProfileCatalog catalog, CertificateIssuer issuer, Repositories repos, AuditLog audit,
            Clock clock, SecureRandom random) {

        CertificateRecord issueSystemCertificate(String profileId, DistinguishedName subject, PublicKey key,
                List<SubjectAltName> sans) {
            ProfileRecord stored = repos.profiles().find(profileId)
                    .orElseThrow(() -> new BrevetException(ErrorKind.UNKNOWN_PROFILE, "no profile '" + profileId + "'"));
            Profile profile = catalog.compile(stored);
            CertificateInput input = new CertificateInput(subject, sans, key, List.of());
            Instant now = clock.instant();
            CertificateRequest request = new CertificateRequest(RequestId.random(random), profile.id(),
                    RequestStatus.PENDING, Der.of(new byte[0]), subject.rfc4514(), Optional.empty(), now, now,
                    Optional.empty(), Optional.empty(), Optional.empty());
            return issuer.issueNew(profile.shape(input), request, AuditEvents.SYSTEM, Optional.empty()).certificate().orElseThrow();
        }

        void installDefaultProfiles() {
            ProfileParser parser = catalog.parser();
            for (String id : ShippedProfiles.IDS) {
                String text = ShippedProfiles.text(id);
                ProfileDefinition definition = parser.parse(text);
                if (repos.profiles().find(id).isPresent()) {
                    continue;
                }
                try {
                    repos.profiles().insert(new ProfileRecord(id, definition.enabled(), text, clock.instant(),
                            Optional.of(AuditEvents.SYSTEM)));
                } catch (BrevetException e) {
                    if (e.kind() == ErrorKind.CONFLICT) {
                        continue; // another node installed it at the same moment
                    }
                    throw e;
                }
                Map<String, String> fields = new LinkedHashMap<>();
                fields.put("ProfileID", id);
                fields.put("Op", "install");
                audit.append(system(AuditEvents.CONFIG_CERT_PROFILE, fields));
                LOG.info("profile {} installed", id);
            }
        }

        void bootstrapAdministrator(String userId, String fullName, Der certificate) {
            Certificate cert = Certificate.fromDer(certificate);
            repos.users().insert(new User(userId, fullName, Set.of(Role.ADMINISTRATOR, Role.AGENT), List.of()));
            repos.users().addCertificate(userId, cert.toDer());
            Map<String, String> fields = new LinkedHashMap<>();
            fields.put("Op", "bootstrap");
            fields.put("UserID", userId);
            fields.put("Roles", "administrator,agent");
            fields.put("CertSerialNum", cert.serial().toString());
            audit.append(system(AuditEvents.CONFIG_ROLE, fields));
            LOG.info("administrator {} created with certificate {}", userId, cert.serial());
        }

        private static AuditEvent system(String name, Map<String, String> fields) {
            return new AuditEvent(name, AuditEvents.SYSTEM, AuditEvent.Outcome.SUCCESS, fields);
        }
    }
}
