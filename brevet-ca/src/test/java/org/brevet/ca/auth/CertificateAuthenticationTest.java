package org.brevet.ca.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.brevet.ca.api.AuditEvent;
import org.brevet.ca.api.Caller;
import org.brevet.ca.api.CertificateRecord;
import org.brevet.ca.api.Role;
import org.brevet.ca.api.User;
import org.brevet.ca.audit.AuditEvents;
import org.brevet.ca.testing.Harness;
import org.brevet.ca.testing.TestCa;
import org.brevet.pki.BrevetException;
import org.brevet.pki.Der;
import org.brevet.pki.DistinguishedName;
import org.brevet.pki.ErrorKind;
import org.brevet.pki.KeySpec;
import org.junit.jupiter.api.Test;

class CertificateAuthenticationTest {
    private final Harness h = new Harness();

    private Der adminCertificate(String cn) {
        CertificateRecord r = h.authority.issueSystemCertificate("caAdminCert", DistinguishedName.parse("CN=" + cn),
                TestCa.keys(KeySpec.EC_P256).getPublic(), List.of());
        return r.der();
    }

    @Test
    void bootstrappedAdministrator_isIdentifiedByExactCertificate() {
        Der cert = adminCertificate("PKI Administrator");
        h.authority.bootstrapAdministrator("caadmin", "PKI Administrator", cert);

        Caller caller = h.authority.authentication().requireUser(Optional.of(cert));

        assertThat(caller.userId()).contains("caadmin");
        assertThat(caller.roles()).containsExactlyInAnyOrder(Role.ADMINISTRATOR, Role.AGENT);
        assertThat(h.authority.authentication().identify(Optional.of(cert))).isEqualTo(caller);
        assertThat(h.audit.names()).contains(AuditEvents.CONFIG_ROLE);
    }

    @Test
    void noCertificate_isAnonymous_onEndEntityPaths_andUnauthorizedOnAgentPaths() {
        assertThat(h.authority.authentication().identify(Optional.empty())).isEqualTo(Caller.ANONYMOUS);
        assertThatThrownBy(() -> h.authority.authentication().requireUser(Optional.empty()))
                .isInstanceOfSatisfying(BrevetException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.UNAUTHORIZED));
    }

    @Test
    void unknownCertificate_isAuditedAsAuthFailure() {
        Der stranger = adminCertificate("Stranger");
        h.authority.bootstrapAdministrator("caadmin", "PKI Administrator", adminCertificate("PKI Administrator"));

        assertThat(h.authority.authentication().identify(Optional.of(stranger))).isEqualTo(Caller.ANONYMOUS);
        assertThatThrownBy(() -> h.authority.authentication().requireUser(Optional.of(stranger)))
                .isInstanceOfSatisfying(BrevetException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.UNAUTHORIZED));

        assertThat(h.audit.events()).filteredOn(e -> e.name().equals(AuditEvents.AUTH)).hasSize(2)
                .allSatisfy(e -> {
                    assertThat(e.outcome()).isEqualTo(AuditEvent.Outcome.FAILURE);
                    assertThat(e.fields().get("Info")).contains("CN=Stranger");
                });
    }

    @Test
    void userAdministration_needsAnAdministrator_andIsAudited() {
        Der cert = adminCertificate("Agent Smith");
        User added = h.authority.users().add(Harness.ADMIN, "smith", "Agent Smith", Set.of());
        assertThat(added.roles()).isEmpty();
        h.authority.users().addRole(Harness.ADMIN, "smith", Role.AGENT);
        h.authority.users().addCertificate(Harness.ADMIN, "smith", cert);

        assertThat(h.authority.authentication().requireUser(Optional.of(cert)).roles()).containsExactly(Role.AGENT);
        assertThat(h.authority.users().get(Harness.ADMIN, "smith").certificates()).containsExactly(cert);
        assertThat(h.audit.events()).filteredOn(e -> e.name().equals(AuditEvents.CONFIG_ROLE)).hasSize(3);

        assertThatThrownBy(() -> h.authority.users().add(Harness.AGENT, "eve", "Eve", Set.of(Role.ADMINISTRATOR)))
                .isInstanceOfSatisfying(BrevetException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.UNAUTHORIZED));
        assertThat(h.store.users).doesNotContainKey("eve");
        assertThatThrownBy(() -> h.authority.users().get(Harness.ADMIN, "nobody"))
                .isInstanceOfSatisfying(BrevetException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.NOT_FOUND));
        assertThatThrownBy(() -> h.authority.users().add(Harness.ADMIN, "bad id!", "x", Set.of()))
                .isInstanceOfSatisfying(BrevetException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.MALFORMED));
        assertThatThrownBy(() -> h.authority.users().addCertificate(Harness.ADMIN, "smith", Der.of(new byte[] {1, 2, 3})))
                .isInstanceOfSatisfying(BrevetException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.MALFORMED));
    }
}
