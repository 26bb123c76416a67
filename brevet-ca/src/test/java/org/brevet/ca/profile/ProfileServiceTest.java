package org.brevet.ca.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;
import org.brevet.ca.api.AuditEvent;
import org.brevet.ca.api.Caller;
import org.brevet.ca.api.CertificateRecord;
import org.brevet.ca.api.EnrollmentRequest;
import org.brevet.ca.api.ProfileRecord;
import org.brevet.ca.api.ProfileSummary;
import org.brevet.ca.audit.AuditEvents;
import org.brevet.ca.testing.Harness;
import org.brevet.ca.testing.TestCa;
import org.brevet.pki.BrevetException;
import org.brevet.pki.ErrorKind;
import org.junit.jupiter.api.Test;

class ProfileServiceTest {
    private final Harness h = new Harness();

    private static void assertKind(Runnable action, ErrorKind kind, String detail) {
        assertThatThrownBy(action::run).isInstanceOfSatisfying(BrevetException.class, e -> {
            assertThat(e.kind()).isEqualTo(kind);
            assertThat(e.detail()).contains(detail);
        });
    }

    private CertificateRecord enrollAuto() {
        return h.authority.enrollment().submit(Caller.ANONYMOUS,
                new EnrollmentRequest("autoServer", TestCa.ecCsr("CN=host.example.com").toDer())).certificate().orElseThrow();
    }

    @Test
    void add_storesTheDefinitionText_andAudits() {
        ProfileRecord r = h.authority.profiles().add(Harness.ADMIN, Harness.AUTO_PROFILE);

        assertThat(r.id()).isEqualTo("autoServer");
        assertThat(r.updatedBy()).contains("admin");
        assertThat(h.store.profiles.get("autoServer").definition()).isEqualTo(Harness.AUTO_PROFILE);
        assertThat(h.audit.events()).last().satisfies(e -> {
            assertThat(e.name()).isEqualTo(AuditEvents.CONFIG_CERT_PROFILE);
            assertThat(e.fields()).containsEntry("ProfileID", "autoServer").containsEntry("Op", "add");
        });
        assertThat(h.authority.profiles().show(Harness.AGENT, "autoServer").definition()).isEqualTo(Harness.AUTO_PROFILE);
    }

    @Test
    void invalidDefinition_isRefusedWithItsPath_andNothingIsStored() {
        int before = h.store.profiles.size();
        assertKind(() -> h.authority.profiles().add(Harness.ADMIN, Harness.AUTO_PROFILE.replace("type: rsa", "type: dsa")),
                ErrorKind.MALFORMED, "policy.keyTypes[1].type: unknown key type 'dsa'");
        assertThat(h.store.profiles).hasSize(before);
        assertThat(h.audit.events()).last().satisfies(e -> {
            assertThat(e.name()).isEqualTo(AuditEvents.CONFIG_CERT_PROFILE);
            assertThat(e.outcome()).isEqualTo(AuditEvent.Outcome.FAILURE);
        });
    }

    @Test
    void addingTwice_isConflict() {
        h.authority.profiles().add(Harness.ADMIN, Harness.AUTO_PROFILE);
        assertKind(() -> h.authority.profiles().add(Harness.ADMIN, Harness.AUTO_PROFILE), ErrorKind.CONFLICT, "");
    }

    @Test
    void changingProfiles_needsAnAdministrator_enablingAnAgent() {
        assertKind(() -> h.authority.profiles().add(Harness.AGENT, Harness.AUTO_PROFILE), ErrorKind.UNAUTHORIZED, "administrator");
        assertKind(() -> h.authority.profiles().modify(Caller.ANONYMOUS, "caServerCert", ""), ErrorKind.UNAUTHORIZED, "");
        assertKind(() -> h.authority.profiles().disable(Harness.PLAIN_USER, "caServerCert"), ErrorKind.UNAUTHORIZED, "");
        assertKind(() -> h.authority.profiles().list(Caller.ANONYMOUS), ErrorKind.UNAUTHORIZED, "");
        assertThat(h.store.profiles).doesNotContainKey("autoServer");

        assertThat(h.authority.profiles().disable(Harness.AGENT, "caServerCert").enabled()).isFalse();
        assertThat(h.authority.profiles().enable(Harness.ADMIN, "caServerCert").enabled()).isTrue();
        assertThat(h.audit.events()).filteredOn(e -> e.name().equals(AuditEvents.CERT_PROFILE_APPROVAL))
                .extracting(e -> e.fields().get("Op")).containsExactly("disapprove", "approve");
    }

    @Test
    void modify_takesEffectForTheNextRequest() {
        h.authority.profiles().add(Harness.ADMIN, Harness.AUTO_PROFILE);
        assertThat(Duration.between(enrollAuto().notBefore(), enrollAuto().notAfter()).toDays()).isEqualTo(90);

        h.clock.advance(Duration.ofSeconds(1));
        h.authority.profiles().modify(Harness.ADMIN, "autoServer", Harness.AUTO_PROFILE.replace("validityDays: 90", "validityDays: 30"));

        CertificateRecord after = enrollAuto();
        assertThat(Duration.between(after.notBefore(), after.notAfter()).toDays()).isEqualTo(30);
    }

    @Test
    void anotherNodesEdit_isSeen_evenAtTheSameInstant() {
        h.authority.profiles().add(Harness.ADMIN, Harness.AUTO_PROFILE);
        enrollAuto();
        ProfileRecord old = h.store.profiles.get("autoServer");
        h.store.profiles.put("autoServer", new ProfileRecord("autoServer", true,
                Harness.AUTO_PROFILE.replace("validityDays: 90", "validityDays: 7"), old.updatedAt(), Optional.of("other")));

        CertificateRecord after = enrollAuto();
        assertThat(Duration.between(after.notBefore(), after.notAfter()).toDays()).isEqualTo(7);
    }

    @Test
    void modify_withAnotherId_orUnknownProfile_isRefused() {
        assertKind(() -> h.authority.profiles().modify(Harness.ADMIN, "caServerCert", Harness.AUTO_PROFILE),
                ErrorKind.MALFORMED, "id: 'autoServer' does not match the profile being modified ('caServerCert')");
        assertKind(() -> h.authority.profiles().modify(Harness.ADMIN, "nope", Harness.AUTO_PROFILE), ErrorKind.NOT_FOUND, "");
        assertKind(() -> h.authority.profiles().show(Harness.AGENT, "nope"), ErrorKind.NOT_FOUND, "");
    }

    @Test
    void installDefaultProfiles_isIdempotent_andKeepsLocalChanges() {
        h.authority.profiles().disable(Harness.AGENT, "caServerCert");
        int audited = h.audit.events().size();

        h.authority.installDefaultProfiles();

        assertThat(h.store.profiles).hasSize(ShippedProfiles.IDS.size());
        assertThat(h.store.profiles.get("caServerCert").enabled()).isFalse();
        assertThat(h.audit.events()).hasSize(audited);
        assertThat(h.authority.profiles().list(Harness.AGENT)).extracting(ProfileSummary::id)
                .containsExactlyElementsOf(ShippedProfiles.IDS.stream().sorted().toList());
    }
}
