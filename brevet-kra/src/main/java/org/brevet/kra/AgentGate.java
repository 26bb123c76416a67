package org.brevet.kra;

import java.util.LinkedHashMap;
import java.util.Map;
import org.brevet.ca.api.AuditEvent;
import org.brevet.ca.api.AuditLog;
import org.brevet.ca.api.Caller;
import org.brevet.ca.api.Role;
import org.brevet.pki.BrevetException;
import org.brevet.pki.ErrorKind;

/**
 * Lets only agents in (Dogtag's "Data Recovery Manager Agents"; Brevet's AGENT role) and audits refusals
 * as ROLE_ASSUME failures.
 */
final class AgentGate {
    private final AuditLog audit;

    AgentGate(AuditLog audit) {
        this.audit = audit;
    }

    void requireAgent(Caller caller, String action) {
        if (caller.hasRole(Role.AGENT)) {
            return;
        }
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("Role", "AGENT");
        fields.put("Action", action);
        audit.append(AuditEvent.failure(KraAuditEvents.ROLE_ASSUME, caller, fields));
        throw new BrevetException(ErrorKind.UNAUTHORIZED, caller.isAnonymous()
                ? "a client certificate of a KRA agent is required"
                : "user '" + caller.auditId() + "' is not an agent");
    }

    AuditLog audit() {
        return audit;
    }
}
