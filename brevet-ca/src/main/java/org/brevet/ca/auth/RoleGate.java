package org.brevet.ca.auth;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.brevet.ca.api.AuditEvent;
import org.brevet.ca.api.AuditLog;
import org.brevet.ca.api.Caller;
import org.brevet.ca.api.Role;
import org.brevet.ca.audit.AuditEvents;
import org.brevet.pki.BrevetException;
import org.brevet.pki.ErrorKind;

/**
 * Lets a caller use a role, or refuses with UNAUTHORIZED. Both are audited as ROLE_ASSUME (Dogtag's event
 * for a user exercising a group's rights), so the trail shows who acted as agent or administrator.
 */
public final class RoleGate {
    private final AuditLog audit;

    public RoleGate(AuditLog audit) {
        this.audit = audit;
    }

    /** Passes when the caller holds at least one of the roles. */
    public void require(Caller caller, String action, Role... anyOf) {
        Role used = null;
        for (Role r : anyOf) {
            if (caller.hasRole(r)) {
                used = r;
                break;
            }
        }
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("Role", used != null ? name(used) : Arrays.stream(anyOf).map(RoleGate::name).collect(Collectors.joining("|")));
        fields.put("Action", action);
        if (used == null) {
            audit.append(AuditEvent.failure(AuditEvents.ROLE_ASSUME, caller, fields));
            String needed = Arrays.stream(anyOf).map(RoleGate::name).collect(Collectors.joining(" or "));
            throw new BrevetException(ErrorKind.UNAUTHORIZED, caller.isAnonymous()
                    ? action + " requires an authenticated " + needed + " (no client certificate)"
                    : "user '" + caller.auditId() + "' does not have the " + needed + " role needed to " + action);
        }
        audit.append(AuditEvent.success(AuditEvents.ROLE_ASSUME, caller, fields));
    }

    private static String name(Role r) {
        return r.name().toLowerCase(Locale.ROOT);
    }
}
