package org.brevet.ca.auth;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.brevet.ca.api.AuditEvent;
import org.brevet.ca.api.AuditLog;
import org.brevet.ca.api.Caller;
import org.brevet.ca.api.Role;
import org.brevet.ca.api.User;
import org.brevet.ca.api.UserAdministration;
import org.brevet.ca.api.store.UserRepository;
import org.brevet.ca.audit.AuditEvents;
import org.brevet.pki.BrevetException;
import org.brevet.pki.Certificate;
import org.brevet.pki.Der;
import org.brevet.pki.ErrorKind;

/** Users, roles and user certificates; every method requires ADMINISTRATOR, every change is audited (CONFIG_ROLE). */
public final class UserService implements UserAdministration {
    private static final Pattern USER_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0,63}");

    private final UserRepository users;
    private final RoleGate gate;
    private final AuditLog audit;

    public UserService(UserRepository users, RoleGate gate, AuditLog audit) {
        this.users = users;
        this.gate = gate;
        this.audit = audit;
    }

    @Override
    public User add(Caller admin, String userId, String fullName, Set<Role> roles) {
        gate.require(admin, "add a user", Role.ADMINISTRATOR);
        if (!USER_ID.matcher(userId).matches()) {
            throw new BrevetException(ErrorKind.MALFORMED, "userId: '" + userId
                    + "' must be 1 to 64 letters, digits, '.', '_', '@' or '-', starting with a letter or digit");
        }
        if (fullName.isBlank()) {
            throw new BrevetException(ErrorKind.MALFORMED, "fullName: must not be empty");
        }
        User user = new User(userId, fullName.strip(), roles, List.of());
        users.insert(user);
        record(admin, "add", userId, "Roles", roles.toString());
        return user;
    }

    @Override
    public User addRole(Caller admin, String userId, Role role) {
        gate.require(admin, "change a user's roles", Role.ADMINISTRATOR);
        User user = find(userId);
        Set<Role> roles = new HashSet<>(user.roles());
        roles.add(role);
        User updated = new User(user.userId(), user.fullName(), roles, user.certificates());
        users.update(updated);
        record(admin, "addRole", userId, "Role", role.name());
        return updated;
    }

    @Override
    public User addCertificate(Caller admin, String userId, Der certificate) {
        gate.require(admin, "map a certificate to a user", Role.ADMINISTRATOR);
        Certificate cert = Certificate.fromDer(certificate);
        find(userId);
        users.addCertificate(userId, cert.toDer());
        record(admin, "addCertificate", userId, "CertSerialNum", cert.serial() + " " + cert.subject().rfc4514());
        return find(userId);
    }

    @Override
    public List<User> list(Caller admin) {
        gate.require(admin, "list users", Role.ADMINISTRATOR);
        return users.list();
    }

    @Override
    public User get(Caller admin, String userId) {
        gate.require(admin, "show a user", Role.ADMINISTRATOR);
        return find(userId);
    }

    private User find(String userId) {
        return users.find(userId).orElseThrow(() -> BrevetException.notFound("no user '" + userId + "'"));
    }

    private void record(Caller admin, String op, String userId, String key, String value) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("Op", op);
        fields.put("UserID", userId);
        fields.put(key, value);
        audit.append(AuditEvent.success(AuditEvents.CONFIG_ROLE, admin, fields));
    }
}
