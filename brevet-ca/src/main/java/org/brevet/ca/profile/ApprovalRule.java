package org.brevet.ca.profile;

import org.brevet.ca.api.Caller;
import org.brevet.ca.api.Role;

/**
 * When a request under a profile is issued without an agent's review. Dogtag expresses this with the
 * profile's authenticator ({@code auth.instance_id}): with one (AgentCertAuth) the request is approved at
 * once, without one it waits in the agent queue.
 */
public enum ApprovalRule {
    /** An authenticated caller holding the AGENT role is approved at once; anyone else waits for an agent. */
    AGENT("agent"),
    /** Every valid request is issued at once. */
    AUTO("auto"),
    /** Every request waits for an agent. */
    MANUAL("manual");

    private final String wireName;

    ApprovalRule(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** Whether a request submitted by this caller is issued without waiting for an agent. */
    public boolean issuesAtOnce(Caller caller) {
        return switch (this) {
            case AGENT -> !caller.isAnonymous() && caller.hasRole(Role.AGENT);
            case AUTO -> true;
            case MANUAL -> false;
        };
    }
}
