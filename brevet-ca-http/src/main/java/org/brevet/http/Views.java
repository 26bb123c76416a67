package org.brevet.http;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.brevet.ca.api.CertificateRecord;
import org.brevet.ca.api.CertificateRequest;
import org.brevet.ca.api.Page;
import org.brevet.ca.api.ProfileRecord;
import org.brevet.ca.api.ProfileSummary;
import org.brevet.ca.api.Role;
import org.brevet.ca.api.User;
import org.brevet.pki.Certificate;
import org.brevet.pki.Der;
import org.brevet.pki.Pem;
import org.brevet.pki.SerialNumber;

/**
 * The JSON shapes of the REST API (see docs/REST-API.md). Each is a record of plain values; a null field is
 * left out of the JSON. Times are ISO-8601 UTC instants, serials {@code 0x}-prefixed lower-case hex,
 * request ids decimal strings, statuses and roles lower case.
 */
final class Views {
    private Views() {
    }

    record ErrorView(String error, String detail) {
    }

    record HealthView(String status, String detail) {
    }

    record RequestView(String requestId, String profileId, String status, String subject, String createdAt,
            String updatedAt, String serial, String certificate, String reason, String submitter, String csr) {

        static RequestView of(CertificateRequest r, Optional<CertificateRecord> cert) {
            return new RequestView(r.id().toString(), r.profileId(), r.status().wireName(), r.requestedSubject(),
                    text(r.createdAt()), text(r.updatedAt()), r.serial().map(SerialNumber::toString).orElse(null),
                    cert.map(c -> Pem.encode(Pem.CERTIFICATE, c.der())).orElse(null), r.reason().orElse(null),
                    null, null);
        }

        /** The agent's view: also who submitted it and the CSR itself. */
        static RequestView forAgent(CertificateRequest r, Optional<CertificateRecord> cert) {
            RequestView v = of(r, cert);
            String csr = r.csr().length() == 0 ? null : csrPem(r.csr());
            return new RequestView(v.requestId, v.profileId, v.status, v.subject, v.createdAt, v.updatedAt, v.serial,
                    v.certificate, v.reason, r.submitter().orElse(""), csr);
        }

        private static String csrPem(Der csr) {
            byte[] bytes = csr.bytes();
            return Pem.looksLikePem(bytes) ? new String(bytes, java.nio.charset.StandardCharsets.US_ASCII)
                    : Pem.encode(Pem.CERTIFICATE_REQUEST, csr);
        }
    }

    record RequestPage(List<RequestView> requests, int start, int size, boolean hasMore) {
        static RequestPage of(Page<CertificateRequest> page) {
            return new RequestPage(page.items().stream().map(r -> RequestView.of(r, Optional.empty())).toList(),
                    page.start(), page.size(), page.hasMore());
        }
    }

    record CertificateView(String serial, String subject, String issuer, String notBefore, String notAfter,
            String status, String requestId, String profileId, String issuedAt, String revokedAt, String pem) {

        static CertificateView summary(CertificateRecord c, Instant now) {
            return new CertificateView(c.serial().toString(), c.subject(), c.issuer(), text(c.notBefore()),
                    text(c.notAfter()), c.statusAt(now).name(), c.requestId().toString(), c.profileId(), null, null,
                    null);
        }

        static CertificateView details(CertificateRecord c, Instant now) {
            CertificateView s = summary(c, now);
            return new CertificateView(s.serial, s.subject, s.issuer, s.notBefore, s.notAfter, s.status, s.requestId,
                    s.profileId, text(c.issuedAt()), c.revokedAt().map(Views::text).orElse(null),
                    Pem.encode(Pem.CERTIFICATE, c.der()));
        }
    }

    record CertificatePage(List<CertificateView> certificates, int start, int size, boolean hasMore) {
        static CertificatePage of(Page<CertificateRecord> page, Instant now) {
            return new CertificatePage(page.items().stream().map(c -> CertificateView.summary(c, now)).toList(),
                    page.start(), page.size(), page.hasMore());
        }
    }

    record ProfilesView(List<ProfileSummary> profiles) {
    }

    record ProfileView(String id, boolean enabled, String definition, String updatedAt, String updatedBy) {
        static ProfileView of(ProfileRecord p) {
            return new ProfileView(p.id(), p.enabled(), p.definition(), text(p.updatedAt()), p.updatedBy().orElse(null));
        }
    }

    record UserCertificateView(String serial, String subject, String pem) {
        static UserCertificateView of(Der der) {
            Certificate c = Certificate.fromDer(der);
            return new UserCertificateView(c.serial().toString(), c.subject().rfc4514(), c.toPem());
        }
    }

    record UserView(String userId, String fullName, List<String> roles, List<UserCertificateView> certificates) {
        static UserView of(User u) {
            return new UserView(u.userId(), u.fullName(),
                    u.roles().stream().map(Views::role).sorted().toList(),
                    u.certificates().stream().map(UserCertificateView::of).toList());
        }
    }

    record UsersView(List<UserView> users) {
    }

    static String role(Role role) {
        return role.name().toLowerCase(Locale.ROOT);
    }

    /** ISO-8601 UTC to the second, whatever precision the clock or the database kept. */
    static String text(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
