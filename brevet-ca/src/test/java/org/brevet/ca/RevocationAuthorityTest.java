package org.brevet.ca;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;
import org.brevet.ca.api.CertificateRecord;
import org.brevet.ca.api.CrlInfo;
import org.brevet.ca.api.EnrollmentRequest;
import org.brevet.ca.api.Requester;
import org.brevet.ca.api.RevocationRequest;
import org.brevet.ca.audit.AuditSigning;
import org.brevet.ca.audit.AuditVerification;
import org.brevet.ca.audit.AuditVerifier;
import org.brevet.ca.audit.FileAuditLog;
import org.brevet.ca.crl.CrlConfig;
import org.brevet.ca.ocsp.OcspConfig;
import org.brevet.ca.ocsp.OcspSigning;
import org.brevet.ca.testing.Harness;
import org.brevet.ca.testing.InMemoryRevocations;
import org.brevet.ca.testing.InMemoryStore;
import org.brevet.ca.testing.MutableClock;
import org.brevet.ca.testing.RevocationFixture;
import org.brevet.ca.testing.TestCa;
import org.brevet.pki.Certificate;
import org.brevet.pki.Crl;
import org.brevet.pki.DistinguishedName;
import org.brevet.pki.KeySpec;
import org.brevet.pki.RevocationReason;
import org.brevet.pki.Signer;
import org.brevet.protocol.ocsp.CertId;
import org.brevet.protocol.ocsp.CertStatus;
import org.brevet.protocol.ocsp.OcspRequest;
import org.brevet.protocol.ocsp.OcspResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue, revoke, publish a CRL and answer OCSP through the wired services, with a signed audit trail that verifies. */
class RevocationAuthorityTest {
    @TempDir
    Path dir;

    @Test
    void revocationReachesCrlAndOcsp_andTheSignedAuditTrailVerifies() {
        MutableClock clock = new MutableClock(TestCa.START);
        InMemoryStore store = new InMemoryStore();
        InMemoryRevocations revocations = new InMemoryRevocations(store);
        CaIdentity ca = TestCa.identity();
        KeyPair auditKeys = TestCa.keys(KeySpec.EC_P256);
        Path auditDir = dir.resolve("audit");
        Certificate auditCert;
        try (FileAuditLog audit = FileAuditLog.open(auditDir, clock, AuditSigning.signedBy(Signer.of(auditKeys.getPrivate(), auditKeys.getPublic())))) {
            Authority authority = Authority.create(TestCa.URLS, ca, store.repositories(), audit, clock, new SecureRandom());
            authority.installDefaultProfiles();
            auditCert = Certificate.fromDer(authority.issueSystemCertificate("caSignedLogCert",
                    DistinguishedName.parse("CN=CA Audit Signing Certificate"), auditKeys.getPublic(), List.of()).der());
            RevocationAuthority status = RevocationAuthority.create(CrlConfig.master(TestCa.URLS.crlUrl(), dir),
                    OcspConfig.defaults(), OcspSigning.caKey(ca), ca, store.repositories().certificates(), revocations,
                    revocations, audit, clock);
            storeProfile(store, clock);
            CertificateRecord cert = authority.enrollment().submit(Harness.AGENT,
                    new EnrollmentRequest("revocableServer", TestCa.ecCsr("CN=www.example.com").toDer())).certificate().orElseThrow();

            status.revocation().revoke(Requester.of(Harness.AGENT), RevocationRequest.of(cert.serial(), RevocationReason.KEY_COMPROMISE));
            status.crls().update(Harness.AGENT, CrlConfig.MASTER_CRL);
            ByteArrayOutputStream crl = new ByteArrayOutputStream();
            status.crls().copyLatest(CrlConfig.MASTER_CRL, CrlInfo.Kind.FULL, crl);
            assertThat(Crl.parse(crl.toByteArray()).isRevoked(cert.serial())).isTrue();

            byte[] req = new OcspRequest(List.of(CertId.of(ca.certificate(), cert.serial(), CertId.SHA256)), Optional.empty()).encode().bytes();
            assertThat(OcspResponse.parse(status.ocsp().respond(req).bytes()).responses().get(0).status())
                    .isInstanceOfSatisfying(CertStatus.Revoked.class, r -> assertThat(r.reason()).contains(RevocationReason.KEY_COMPROMISE));
        }
        AuditVerification v = new AuditVerifier(auditCert).verify(auditDir);
        assertThat(v.intact()).isTrue();
        assertThat(v.signatures()).isPositive();
        assertThat(v.unsignedTail()).isZero();
        assertThat(readAll(auditDir)).contains("[AuditEvent=CERT_STATUS_CHANGE_REQUEST_PROCESSED]", "[AuditEvent=FULL_CRL_GENERATION]",
                "[AuditEvent=OCSP_SIGNING_INFO]", "[AuditEvent=AUDIT_LOG_SIGNING]");
    }

    private static void storeProfile(InMemoryStore store, MutableClock clock) {
        store.repositories().profiles().insert(new org.brevet.ca.api.ProfileRecord("revocableServer", true,
                RevocationFixture.PROFILE, clock.instant(), Optional.of("admin")));
    }

    private static String readAll(Path auditDir) {
        try {
            return Files.readString(auditDir.resolve("ca_audit"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
