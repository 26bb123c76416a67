package org.brevet.ca.profile;

import java.time.Clock;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.brevet.ca.api.AuditEvent;
import org.brevet.ca.api.AuditLog;
import org.brevet.ca.api.Caller;
import org.brevet.ca.api.ProfileAdministration;
import org.brevet.ca.api.ProfileRecord;
import org.brevet.ca.api.ProfileSummary;
import org.brevet.ca.api.Role;
import org.brevet.ca.api.store.ProfileRepository;
import org.brevet.ca.audit.AuditEvents;
import org.brevet.ca.auth.RoleGate;
import org.brevet.pki.BrevetException;
import org.brevet.pki.ErrorKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Managing profiles. Reading needs any role; adding and modifying need ADMINISTRATOR (audited
 * CONFIG_CERT_PROFILE); enabling and disabling need AGENT or ADMINISTRATOR (audited CERT_PROFILE_APPROVAL,
 * Dogtag's event for an agent approving a profile). A definition is parsed and validated before it is
 * stored, so a bad one is refused with the path of the bad field and nothing changes.
 */
public final class ProfileService implements ProfileAdministration {
    private static final Logger LOG = LoggerFactory.getLogger(ProfileService.class);

    private final ProfileRepository repository;
    private final ProfileCatalog catalog;
    private final RoleGate gate;
    private final AuditLog audit;
    private final Clock clock;

    public ProfileService(ProfileRepository repository, ProfileCatalog catalog, RoleGate gate, AuditLog audit, Clock clock) {
        this.repository = repository;
        this.catalog = catalog;
        this.gate = gate;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public List<ProfileSummary> list(Caller caller) {
        gate.require(caller, "list profiles", Role.values());
        return catalog.summaries().stream().sorted(Comparator.comparing(ProfileSummary::id)).toList();
    }

    @Override
    public ProfileRecord show(Caller caller, String profileId) {
        gate.require(caller, "show a profile", Role.values());
        return find(profileId);
    }

    @Override
    public ProfileRecord add(Caller admin, String definition) {
        gate.require(admin, "add a profile", Role.ADMINISTRATOR);
        ProfileDefinition parsed = parse(admin, "add", definition);
        ProfileRecord record = new ProfileRecord(parsed.id(), parsed.enabled(), definition, clock.instant(), admin.userId());
        repository.insert(record);
        audit.append(AuditEvent.success(AuditEvents.CONFIG_CERT_PROFILE, admin, fields(parsed.id(), "add")));
        LOG.info("profile {} added by {}", parsed.id(), admin.auditId());
        return record;
    }

    @Override
    public ProfileRecord modify(Caller admin, String profileId, String definition) {
        gate.require(admin, "modify a profile", Role.ADMINISTRATOR);
        ProfileRecord existing = find(profileId);
        ProfileDefinition parsed = parse(admin, "modify", definition);
        if (!parsed.id().equals(profileId)) {
            throw new BrevetException(ErrorKind.MALFORMED,
                    "id: '" + parsed.id() + "' does not match the profile being modified ('" + profileId + "')");
        }
        ProfileRecord record = new ProfileRecord(profileId, existing.enabled(), definition, clock.instant(), admin.userId());
        repository.update(record);
        audit.append(AuditEvent.success(AuditEvents.CONFIG_CERT_PROFILE, admin, fields(profileId, "modify")));
        LOG.info("profile {} modified by {}", profileId, admin.auditId());
        return record;
    }

    @Override
    public ProfileRecord enable(Caller caller, String profileId) {
        gate.require(caller, "enable a profile", Role.AGENT, Role.ADMINISTRATOR);
        return setEnabled(caller, profileId, true);
    }

    @Override
    public ProfileRecord disable(Caller caller, String profileId) {
        gate.require(caller, "disable a profile", Role.AGENT, Role.ADMINISTRATOR);
        return setEnabled(caller, profileId, false);
    }

    private ProfileRecord setEnabled(Caller caller, String profileId, boolean enabled) {
        ProfileRecord existing = find(profileId);
        ProfileRecord record = new ProfileRecord(profileId, enabled, existing.definition(), clock.instant(), caller.userId());
        repository.update(record);
        audit.append(AuditEvent.success(AuditEvents.CERT_PROFILE_APPROVAL, caller,
                fields(profileId, enabled ? "approve" : "disapprove")));
        LOG.info("profile {} {} by {}", profileId, enabled ? "enabled" : "disabled", caller.auditId());
        return record;
    }

    private ProfileDefinition parse(Caller admin, String op, String definition) {
        try {
            return catalog.parser().parse(definition);
        } catch (BrevetException e) {
            Map<String, String> f = fields("", op);
            f.put("Info", e.detail());
            audit.append(AuditEvent.failure(AuditEvents.CONFIG_CERT_PROFILE, admin, f));
            throw e;
        }
    }

    private ProfileRecord find(String profileId) {
        return repository.find(profileId).orElseThrow(() -> BrevetException.notFound("no profile '" + profileId + "'"));
    }

    private static Map<String, String> fields(String profileId, String op) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("ProfileID", profileId);
        f.put("Op", op);
        return f;
    }
}
