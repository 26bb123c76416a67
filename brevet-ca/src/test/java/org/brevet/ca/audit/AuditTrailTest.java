package org.brevet.ca.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.util.List;
import org.brevet.ca.Authority;
import org.brevet.ca.api.Caller;
import org.brevet.ca.api.EnrollmentRequest;
import org.brevet.ca.api.EnrollmentResult;
import org.brevet.ca.testing.Harness;
import org.brevet.ca.testing.InMemoryStore;
import org.brevet.ca.testing.MutableClock;
import org.brevet.ca.testing.TestCa;
import org.brevet.pki.Csr;
import org.brevet.pki.CsrBuilder;
import org.brevet.pki.DistinguishedName;
import org.brevet.pki.KeySpec;
import org.brevet.pki.Secret;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole trail of one request, as written to ca_audit by a real authority. */
class AuditTrailTest {
    @TempDir
    Path dir;

    @Test
    void requestApprovalAndIssuance_areInTheFile_withoutSecrets() throws IOException {
        InMemoryStore store = new InMemoryStore();
        MutableClock clock = new MutableClock(TestCa.START);
        try (FileAuditLog log = FileAuditLog.open(dir, clock)) {
            Authority authority = Authority.create(TestCa.URLS, TestCa.identity(), store.repositories(), log, clock, new SecureRandom());
            authority.installDefaultProfiles();
            KeyPair keys = TestCa.keys(KeySpec.EC_P256);
            Csr csr = new CsrBuilder().subject(DistinguishedName.parse("CN=www.example.com"))
                    .challengePassword(Secret.of("s3cret-challenge")).build(keys);

            EnrollmentResult pending = authority.enrollment().submit(Caller.ANONYMOUS, new EnrollmentRequest("caECServerCert", csr.toDer()));
            EnrollmentResult issued = authority.agentReview().approve(Harness.AGENT, pending.request().id());
            assertThat(issued.certificate()).isPresent();
        }
        List<String> lines = Files.readAllLines(dir.resolve("ca_audit"));
        String id = lines.stream().filter(l -> l.contains("[AuditEvent=PROFILE_CERT_REQUEST]"))
                .findFirst().orElseThrow().replaceAll(".*\\[ReqID=(\\d+)\\].*", "$1");

        assertThat(lines.get(0)).contains("[AuditEvent=CERT_SIGNING_INFO][SubjectID=$System$][Outcome=Success][SubjectDN=CN=Test CA,O=EXAMPLE.COM]");
        assertThat(lines).filteredOn(l -> l.contains("[AuditEvent=CONFIG_CERT_PROFILE]")).hasSize(org.brevet.ca.profile.ShippedProfiles.IDS.size());
        assertThat(lines).anySatisfy(l -> assertThat(l).contains("[AuditEvent=PROFILE_CERT_REQUEST][SubjectID=$Unidentified$][Outcome=Success][ReqID=" + id + "]"));
        assertThat(lines).anySatisfy(l -> assertThat(l).contains("[AuditEvent=ROLE_ASSUME][SubjectID=agent1][Outcome=Success][Role=agent]"));
        assertThat(lines).anySatisfy(l -> assertThat(l).contains("[AuditEvent=CERT_SIGNING_INTENT][SubjectID=agent1][Outcome=Success][ReqID=" + id + "]"));
        assertThat(lines).anySatisfy(l -> assertThat(l).contains("[AuditEvent=CERT_REQUEST_PROCESSED][SubjectID=agent1][Outcome=Success][ReqID=" + id + "]"));
        assertThat(String.join("\n", lines)).doesNotContain("s3cret-challenge").doesNotContain("PRIVATE KEY");
    }
}
