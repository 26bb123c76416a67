package org.brevet.ca.testing;

import java.security.KeyPair;
import java.util.Optional;
import org.brevet.ca.api.CertificateRecord;
import org.brevet.ca.api.EnrollmentRequest;
import org.brevet.ca.api.Requester;
import org.brevet.ca.api.RevocationRecord;
import org.brevet.ca.api.RevocationRequest;
import org.brevet.ca.auth.RoleGate;
import org.brevet.ca.revoke.RevocationService;
import org.brevet.pki.KeySpec;
import org.brevet.pki.RevocationReason;

/** An authority on in-memory stores with revocation, and a 30-day profile whose certificates carry CRL DP and OCSP URLs. */
public final class RevocationFixture {
    public static final String PROFILE = """
            id: revocableServer
            name: Server certificates with revocation pointers
            approval: auto
            policy:
              keyTypes:
                - type: ec
              subjectPattern: "CN=.*"
              maxValidityDays: 30
            defaults:
              validityDays: 30
              keyUsage:
                usages: [digitalSignature]
              extendedKeyUsage:
                usages: [serverAuth, clientAuth]
              subjectKeyIdentifier: true
              authorityKeyIdentifier: true
              authorityInfoAccess:
                ocsp: true
              crlDistributionPoint: true
            """;
    private static final KeyPair KEY = TestCa.keys(KeySpec.EC_P256);

    public final Harness h = new Harness();
    public final InMemoryRevocations revocations = new InMemoryRevocations(h.store);
    public final RevocationService service = new RevocationService(h.store.repositories().certificates(), revocations,
            new RoleGate(h.audit), h.audit, h.clock);

    public RevocationFixture() {
        h.storeProfile(PROFILE);
    }

    public CertificateRecord issue(String subject) {
        return h.authority.enrollment().submit(Harness.AGENT,
                new EnrollmentRequest("revocableServer", TestCa.csr(KEY, subject).toDer())).certificate().orElseThrow();
    }

    public RevocationRecord revoke(CertificateRecord cert, RevocationReason reason) {
        return service.revoke(Requester.of(Harness.AGENT), RevocationRequest.of(cert.serial(), reason));
    }

    public RevocationRecord revoke(CertificateRecord cert, RevocationReason reason, java.time.Instant invalidity) {
        return service.revoke(Requester.of(Harness.AGENT), new RevocationRequest(cert.serial(), reason, Optional.of(invalidity), Optional.empty()));
    }
}
