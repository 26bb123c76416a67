package org.brevet.ca.api;

import java.util.Locale;

/** What a user may do. Dogtag's groups: Administrators, Certificate Manager Agents, Auditors. */
public enum Role {
    ADMINISTRATOR,
    AGENT,
    AUDITOR;

    public static Role parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw org.brevet.pki.BrevetException.malformed(
                    "unknown role '" + text + "' (administrator, agent, auditor)", e);
        }
    }
}
