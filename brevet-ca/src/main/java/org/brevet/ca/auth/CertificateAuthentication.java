package org.brevet.ca.auth;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.brevet.ca.api.AuditEvent;
import org.brevet.ca.api.AuditLog;
import org.brevet.ca.api.Authentication;
import org.brevet.ca.api.Caller;
import org.brevet.ca.api.User;
import org.brevet.ca.api.store.UserRepository;
import org.brevet.ca.audit.AuditEvents;
import org.brevet.pki.BrevetException;
import org.brevet.pki.Certificate;
import org.brevet.pki.Der;
import org.brevet.pki.ErrorKind;

/**
 * Maps a TLS client certificate to a user by exact certificate match (Dogtag's certUserDBAuthMgr with the
 * exact-match certificate mapper); the TLS layer has already checked the chain and proof of possession.
 * Unknown certificates are audited (AUTH, Failure); successes are not, to keep the enrollment path to one
 * database read (role use is audited where it happens, see {@link RoleGate}).
 */
public final class CertificateAuthentication implements Authentication {
    private final UserRepository users;
    private final AuditLog audit;

    public CertificateAuthentication(UserRepository users, AuditLog audit) {
        this.users = users;
        this.audit = audit;
    }

    @Override
    public Caller identify(Optional<Der> clientCertificate) {
        if (clientCertificate.isEmpty()) {
            return Caller.ANONYMOUS;
        }
        return lookup(clientCertificate.get()).orElse(Caller.ANONYMOUS);
    }

    @Override
    public Caller requireUser(Optional<Der> clientCertificate) {
        if (clientCertificate.isEmpty()) {
            audit.append(failure("no client certificate"));
            throw new BrevetException(ErrorKind.UNAUTHORIZED, "this operation requires a client certificate");
        }
        return lookup(clientCertificate.get()).orElseThrow(() -> new BrevetException(ErrorKind.UNAUTHORIZED,
                "the client certificate does not belong to any user"));
    }

    private Optional<Caller> lookup(Der certificate) {
        Optional<User> user = users.findByCertificate(certificate);
        if (user.isPresent()) {
            return Optional.of(Caller.user(user.get().userId(), user.get().roles()));
        }
        audit.append(failure("certificate not mapped to a user: " + describe(certificate)));
        return Optional.empty();
    }

    private static AuditEvent failure(String reason) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("AuthMgr", "certUserDBAuthMgr");
        fields.put("Info", reason);
        return new AuditEvent(AuditEvents.AUTH, "$Unidentified$", AuditEvent.Outcome.FAILURE, fields);
    }

    private static String describe(Der certificate) {
        try {
            Certificate c = Certificate.fromDer(certificate);
            return "subject '" + c.subject().rfc4514() + "' serial " + c.serial();
        } catch (BrevetException e) {
            return "unparsable certificate";
        }
    }
}
