package org.brevet.ca;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.KeyPair;
import java.util.List;
import org.brevet.ca.api.CertificateRecord;
import org.brevet.ca.testing.Harness;
import org.brevet.ca.testing.TestCa;
import org.brevet.pki.Certificate;
import org.brevet.pki.DistinguishedName;
import org.brevet.pki.ExtendedKeyUsage;
import org.brevet.pki.KeySpec;
import org.brevet.pki.KeyUsage;
import org.brevet.pki.SubjectAltName;
import org.junit.jupiter.api.Test;

/** Each shipped profile issues what its Dogtag namesake issues (through the system-certificate path). */
class ShippedProfilesIssuanceTest {
    private static final String AIA = "1.3.6.1.5.5.7.1.1";
    private static final String CRL_DP = "2.5.29.31";
    private static final String OCSP_NOCHECK = "1.3.6.1.5.5.7.48.1.5";
    private static final KeyPair RSA = TestCa.keys(KeySpec.RSA_2048);
    private static final KeyPair EC = TestCa.keys(KeySpec.EC_P256);

    private final Harness h = new Harness();

    private Certificate issue(String profile, String subject, KeyPair key, SubjectAltName... sans) {
        CertificateRecord r = h.authority.issueSystemCertificate(profile, DistinguishedName.parse(subject), key.getPublic(), List.of(sans));
        assertThat(h.store.certificates).containsKey(r.serial());
        Certificate c = Certificate.fromDer(r.der());
        assertThat(c.verifiedBy(h.ca.certificate().publicKey())).isTrue();
        assertThat(c.issuer()).isEqualTo(h.ca.certificate().subject());
        return c;
    }

    private static long days(Certificate c) {
        return java.time.Duration.between(c.notBefore(), c.notAfter()).toDays();
    }

    @Test
    void caServerCert_isATlsServerCertificate_withCnCopiedToSan() {
        Certificate c = issue("caServerCert", "CN=ca.example.com,O=EXAMPLE.COM", RSA, SubjectAltName.ip("127.0.0.1"));
        assertThat(c.keyUsage()).containsExactlyInAnyOrder(KeyUsage.DIGITAL_SIGNATURE, KeyUsage.KEY_ENCIPHERMENT, KeyUsage.DATA_ENCIPHERMENT);
        assertThat(c.extension("2.5.29.15").orElseThrow().critical()).isTrue();
        assertThat(c.extendedKeyUsages()).containsExactly(ExtendedKeyUsage.SERVER_AUTH, ExtendedKeyUsage.CLIENT_AUTH);
        assertThat(c.subjectAltNames()).containsExactly(SubjectAltName.ip("127.0.0.1"), SubjectAltName.dns("ca.example.com"));
        assertThat(c.authorityKeyIdentifier()).isEqualTo(h.ca.certificate().subjectKeyIdentifier());
        assertThat(c.subjectKeyIdentifier()).isEmpty();
        assertThat(c.extension(AIA)).isPresent();
        assertThat(c.extension(CRL_DP)).isEmpty();
        assertThat(c.isCa()).isFalse();
        assertThat(days(c)).isEqualTo(720);
    }

    @Test
    void caECServerCert_usesKeyAgreementInsteadOfKeyEncipherment() {
        Certificate c = issue("caECServerCert", "CN=ca.example.com", EC);
        assertThat(c.keyUsage()).containsExactlyInAnyOrder(KeyUsage.DIGITAL_SIGNATURE, KeyUsage.DATA_ENCIPHERMENT, KeyUsage.KEY_AGREEMENT);
        assertThat(c.subjectAltNames()).containsExactly(SubjectAltName.dns("ca.example.com"));
    }

    @Test
    void caSubsystemCert_isATlsClientCertificate_withoutSan() {
        Certificate c = issue("caSubsystemCert", "CN=Subsystem Certificate,O=EXAMPLE.COM", RSA);
        assertThat(c.extendedKeyUsages()).containsExactly(ExtendedKeyUsage.CLIENT_AUTH);
        assertThat(c.subjectAltNames()).isEmpty();
        assertThat(days(c)).isEqualTo(720);
    }

    @Test
    void caOCSPCert_hasOcspSigning_andNoCheck_andNoKeyUsage() {
        Certificate c = issue("caOCSPCert", "CN=OCSP Signing Certificate,O=EXAMPLE.COM", EC);
        assertThat(c.extendedKeyUsages()).containsExactly(ExtendedKeyUsage.OCSP_SIGNING);
        assertThat(c.extension(OCSP_NOCHECK)).isPresent();
        assertThat(c.extension("2.5.29.15")).isEmpty();
    }

    @Test
    void caAuditSigningCert_andItsDeprecatedAlias_signWithNonRepudiation() {
        Certificate audit = issue("caAuditSigningCert", "CN=CA Audit Signing Certificate,O=EXAMPLE.COM", RSA);
        assertThat(audit.keyUsage()).containsExactlyInAnyOrder(KeyUsage.DIGITAL_SIGNATURE, KeyUsage.NON_REPUDIATION);
        assertThat(audit.extendedKeyUsages()).isEmpty();
        assertThat(audit.extension(AIA)).isPresent();

        Certificate log = issue("caSignedLogCert", "CN=CA Audit Signing Certificate,O=EXAMPLE.COM", EC);
        assertThat(log.keyUsage()).containsExactlyInAnyOrder(KeyUsage.DIGITAL_SIGNATURE, KeyUsage.NON_REPUDIATION);
        assertThat(log.subjectKeyIdentifier()).isPresent();
        assertThat(log.extension(AIA)).isEmpty();
    }

    @Test
    void caCACert_isASubordinateCa_cutToTheIssuersLifetime() {
        Certificate c = issue("caCACert", "CN=Sub CA,O=EXAMPLE.COM", EC);
        assertThat(c.isCa()).isTrue();
        assertThat(c.pathLength()).isEmpty();
        assertThat(c.extension("2.5.29.19").orElseThrow().critical()).isTrue();
        assertThat(c.keyUsage()).contains(KeyUsage.KEY_CERT_SIGN, KeyUsage.CRL_SIGN);
        assertThat(c.subjectKeyIdentifier()).isPresent();
        assertThat(c.notAfter()).isEqualTo(h.ca.certificate().notAfter());
    }

    @Test
    void caIPAserviceCert_rebuildsTheSubject_andAddsCrlDistributionPoint() {
        Certificate c = issue("caIPAserviceCert", "CN=ipa.example.com,O=Whatever", RSA, SubjectAltName.dns("ipa.example.com"));
        assertThat(c.subject().rfc4514()).isEqualTo("CN=ipa.example.com,OU=pki-ipa,O=IPA");
        assertThat(c.extension(CRL_DP)).isPresent();
        assertThat(c.subjectKeyIdentifier()).isPresent();
        assertThat(days(c)).isEqualTo(731);
    }

    @Test
    void caUserCert_andCaAdminCert_areClientCertificates() {
        Certificate user = issue("caUserCert", "UID=jdoe,O=EXAMPLE.COM", EC, SubjectAltName.email("jdoe@example.com"));
        assertThat(user.extendedKeyUsages()).containsExactly(ExtendedKeyUsage.CLIENT_AUTH, ExtendedKeyUsage.EMAIL_PROTECTION);
        assertThat(user.subjectAltNames()).containsExactly(SubjectAltName.email("jdoe@example.com"));
        assertThat(days(user)).isEqualTo(180);

        Certificate admin = issue("caAdminCert", "CN=PKI Administrator,E=caadmin@example.com,O=EXAMPLE.COM", RSA);
        assertThat(admin.extendedKeyUsages()).contains(ExtendedKeyUsage.CLIENT_AUTH);
        assertThat(admin.keyUsage()).contains(KeyUsage.DIGITAL_SIGNATURE);
    }
}
