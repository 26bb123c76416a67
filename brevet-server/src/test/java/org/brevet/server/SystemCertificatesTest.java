package org.brevet.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.brevet.pki.DistinguishedName;
import org.brevet.pki.KeySpec;
import org.brevet.pki.SubjectAltName;
import org.junit.jupiter.api.Test;

class SystemCertificatesTest {
    private static final DistinguishedName CA = DistinguishedName.parse("CN=Certificate Authority,O=EXAMPLE.COM");

    @Test
    void serverCert_namesEveryHostAndLoopback() {
        assertThat(SystemCertificates.serverNames(List.of("ca.example.com", "localhost", "192.0.2.7")))
                .containsExactly(SubjectAltName.dns("ca.example.com"), SubjectAltName.dns("localhost"),
                        SubjectAltName.ip("192.0.2.7"), SubjectAltName.ip("127.0.0.1"));
    }

    @Test
    void rsaCa_usesRsaProfilesAndDogtagNicknames() {
        List<SystemCertificates.Spec> specs = SystemCertificates.all(KeySpec.RSA_3072, CA, List.of("ca.example.com"));

        assertThat(specs).extracting(SystemCertificates.Spec::nickname)
                .containsExactly("Server-Cert", "subsystemCert", "ocspSigningCert", "auditSigningCert");
        assertThat(specs).extracting(SystemCertificates.Spec::profileId)
                .containsExactly("caServerCert", "caSubsystemCert", "caOCSPCert", "caAuditSigningCert");
        assertThat(specs).extracting(SystemCertificates.Spec::key).containsOnly(KeySpec.RSA_2048);
        assertThat(specs.get(0).subject().rfc4514()).isEqualTo("CN=ca.example.com,O=EXAMPLE.COM");
    }

    @Test
    void ecCa_usesEcProfilesAndP256() {
        List<SystemCertificates.Spec> specs = SystemCertificates.all(KeySpec.EC_P384, CA, List.of("localhost"));

        assertThat(specs).extracting(SystemCertificates.Spec::profileId)
                .containsExactly("caECServerCert", "caECSubsystemCert", "caOCSPCert", "caAuditSigningCert");
        assertThat(specs).extracting(SystemCertificates.Spec::key).containsOnly(KeySpec.EC_P256);
    }

    @Test
    void admin_isPkiAdministratorInTheCasOrganization() {
        SystemCertificates.Spec admin = SystemCertificates.admin(KeySpec.EC_P256, CA);

        assertThat(admin.subject().rfc4514()).isEqualTo("CN=PKI Administrator,UID=caadmin,O=EXAMPLE.COM");
        assertThat(admin.profileId()).isEqualTo("caAdminCert");
    }
}
