package org.brevet.ca.issue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.operator.ContentSigner;
import org.brevet.ca.CaIdentity;
import org.brevet.ca.api.CertificateRecord;
import org.brevet.ca.api.CertificateRequest;
import org.brevet.ca.api.RequestId;
import org.brevet.ca.api.RequestStatus;
import org.brevet.ca.audit.AuditEvents;
import org.brevet.ca.profile.CertificateDraft;
import org.brevet.ca.profile.CertificateInput;
import org.brevet.ca.profile.Profile;
import org.brevet.ca.profile.ProfileParser;
import org.brevet.ca.testing.Harness;
import org.brevet.ca.testing.InMemoryStore;
import org.brevet.ca.testing.MutableClock;
import org.brevet.ca.testing.RecordingAuditLog;
import org.brevet.ca.testing.TestCa;
import org.brevet.pki.BrevetException;
import org.brevet.pki.Certificate;
import org.brevet.pki.Csr;
import org.brevet.pki.ErrorKind;
import org.brevet.pki.SerialNumber;
import org.brevet.pki.SignatureAlgorithm;
import org.brevet.pki.Signer;
import org.junit.jupiter.api.Test;

class CertificateIssuerTest {
    private final InMemoryStore store = new InMemoryStore();
    private final RecordingAuditLog audit = new RecordingAuditLog();
    private final MutableClock clock = new MutableClock(TestCa.START);
    private final Csr csr = TestCa.ecCsr("CN=host.example.com");
    private final CertificateDraft draft = Profile.of(new ProfileParser().parse(Harness.AUTO_PROFILE))
            .shape(CertificateInput.from(csr));

    private static SecureRandom seeded() {
        try {
            SecureRandom r = SecureRandom.getInstance("SHA1PRNG");
            r.setSeed(42L);
            return r;
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    private CertificateRequest request() {
        return new CertificateRequest(new RequestId(7), "autoServer", RequestStatus.PENDING, csr.toDer(),
                csr.subject().rfc4514(), Optional.empty(), clock.instant(), clock.instant(), Optional.empty(),
                Optional.empty(), Optional.empty());
    }

    private CertificateIssuer issuer(CaIdentity ca, SecureRandom random) {
        return new CertificateIssuer(ca, TestCa.URLS, store.repositories().issuance(), audit, clock, random);
    }

    @Test
    void recordedIntent_isByteForByteTheSignedTbsCertificate() throws IOException {
        CertificateRecord record = issuer(TestCa.identity(), new SecureRandom()).issueNew(draft, request(), "agent1", Optional.of("agent1"))
                .certificate().orElseThrow();

        byte[] tbs = Certificate.fromDer(record.der()).toBc().toASN1Structure().getTBSCertificate().getEncoded("DER");
        assertThat(store.intents.get(record.serial()).bytes()).isEqualTo(tbs);
        assertThat(audit.names()).containsExactly(AuditEvents.PROFILE_CERT_REQUEST, AuditEvents.CERT_REQUEST_PROCESSED);
        assertThat(audit.events().get(0).fields()).containsEntry("CertSerialNum", record.serial().toString());
        assertThat(store.requests.get(new RequestId(7)).status()).isEqualTo(RequestStatus.COMPLETE);
    }

    @Test
    void serialAlreadyUsed_isRedrawn() {
        SerialNumber firstDraw = SerialNumber.random(seeded());
        store.usedSerials.add(firstDraw);

        CertificateRecord record = issuer(TestCa.identity(), seeded()).issueNew(draft, request(), "agent1", Optional.of("agent1"))
                .certificate().orElseThrow();

        assertThat(store.intentConflicts).isEqualTo(1);
        assertThat(record.serial()).isNotEqualTo(firstDraw);
        assertThat(Certificate.fromDer(record.der()).serial()).isEqualTo(record.serial());
    }

    @Test
    void noFreeSerialAfterAllAttempts_isInternal_andNothingIsSigned() {
        SecureRandom copy = seeded();
        for (int i = 0; i < CertificateIssuer.SERIAL_ATTEMPTS; i++) {
            store.usedSerials.add(SerialNumber.random(copy));
        }
        CountingSigner signer = new CountingSigner(TestCa.identity());

        assertThatThrownBy(() -> issuer(signer.identity(), seeded()).issueNew(draft, request(), "agent1", Optional.of("agent1")))
                .isInstanceOfSatisfying(BrevetException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.INTERNAL));
        assertThat(signer.signatures.get()).isZero();
        assertThat(store.certificates).isEmpty();
    }

    @Test
    void auditFailureBeforeSigning_meansTheKeyIsNeverUsed() {
        audit.failOn(AuditEvents.PROFILE_CERT_REQUEST);
        CountingSigner signer = new CountingSigner(TestCa.identity());

        assertThatThrownBy(() -> issuer(signer.identity(), new SecureRandom()).issueNew(draft, request(), "agent1", Optional.of("agent1")))
                .isInstanceOfSatisfying(BrevetException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.UNAVAILABLE));
        assertThat(signer.signatures.get()).isZero();
        assertThat(store.certificates).isEmpty();
        assertThat(store.requests).isEmpty();
    }

    @Test
    void validity_neverOutlastsTheCaCertificate() {
        CaIdentity shortLived = TestCa.identity(Duration.ofDays(30));
        CertificateRecord record = issuer(shortLived, new SecureRandom()).issueNew(draft, request(), "agent1", Optional.of("agent1"))
                .certificate().orElseThrow();

        assertThat(record.notBefore()).isEqualTo(clock.instant());
        assertThat(record.notAfter()).isEqualTo(shortLived.certificate().notAfter());
    }

    @Test
    void expiredCa_isUnavailable() {
        CaIdentity ca = TestCa.identity(Duration.ofDays(1));
        clock.advance(Duration.ofDays(2));
        assertThatThrownBy(() -> issuer(ca, new SecureRandom()).issueNew(draft, request(), "agent1", Optional.of("agent1")))
                .isInstanceOfSatisfying(BrevetException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.UNAVAILABLE));
        assertThat(store.intents).isEmpty();
    }

    /** Counts uses of the CA key. */
    private static final class CountingSigner implements Signer {
        final AtomicInteger signatures = new AtomicInteger();
        private final CaIdentity original;

        CountingSigner(CaIdentity original) {
            this.original = original;
        }

        CaIdentity identity() {
            return new CaIdentity(this, original.certificate(), List.of(original.certificate()));
        }

        @Override
        public AlgorithmIdentifier algorithmIdentifier() {
            return original.signer().algorithmIdentifier();
        }

        @Override
        public SignatureAlgorithm signatureAlgorithm() {
            return original.signer().signatureAlgorithm();
        }

        @Override
        public PublicKey publicKey() {
            return original.signer().publicKey();
        }

        @Override
        public ContentSigner contentSigner() {
            signatures.incrementAndGet();
            return original.signer().contentSigner();
        }

        @Override
        public byte[] sign(byte[] data) {
            signatures.incrementAndGet();
            return original.signer().sign(data);
        }
    }
}
