package org.brevet.ca.scep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPair;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.brevet.ca.api.Caller;
import org.brevet.ca.api.RequestStatus;
import org.brevet.ca.api.ScepChallenge;
import org.brevet.ca.auth.RoleGate;
import org.brevet.ca.testing.Harness;
import org.brevet.ca.testing.TestCa;
import org.brevet.pki.BrevetException;
import org.brevet.pki.Certificate;
import org.brevet.pki.CertificateBuilder;
import org.brevet.pki.CertificateBundle;
import org.brevet.pki.Csr;
import org.brevet.pki.CsrBuilder;
import org.brevet.pki.Der;
import org.brevet.pki.DistinguishedName;
import org.brevet.pki.ErrorKind;
import org.brevet.pki.KeySpec;
import org.brevet.pki.KeyUsage;
import org.brevet.pki.Secret;
import org.brevet.pki.SerialNumber;
import org.brevet.pki.Signer;
import org.brevet.protocol.scep.CertRep;
import org.brevet.protocol.scep.CertRepDecoder;
import org.brevet.protocol.scep.ContentCipher;
import org.brevet.protocol.scep.FailInfo;
import org.brevet.protocol.scep.MessageType;
import org.brevet.protocol.scep.PkiMessageBuilder;
import org.brevet.protocol.scep.PkiStatus;
import org.brevet.protocol.scep.RaKey;
import org.brevet.protocol.scep.Transaction;
import org.junit.jupiter.api.Test;

class ScepServiceTest {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final KeyPair CLIENT_KEYS = KeySpec.RSA_2048.generate(RANDOM);
    private static final KeyPair RA_KEYS = KeySpec.RSA_2048.generate(RANDOM);

    private final Harness h = new Harness();
    private final InMemoryScepRepository repo = new InMemoryScepRepository();
    private final RaKey ra = new RaKey(RA_KEYS.getPrivate(), issueByCa(RA_KEYS, "CN=SCEP RA,O=EXAMPLE.COM"));
    private final ScepService scep = new ScepService(ScepConfig.defaults(), ra, h.ca.chain(), h.authority.enrollment(),
            h.store.repositories().certificates(), repo, new RoleGate(h.audit), h.clock, RANDOM);

    @Test
    void getCaCert_isRaAndCa_andCapsAdvertiseAes() {
        assertThat(CertificateBundle.parse(scep.caCertificates().bytes())).containsExactlyInAnyOrder(ra.certificate(), h.ca.certificate());
        assertThat(scep.capabilities().split("\n")).contains("POSTPKIOperation", "SHA-256", "SHA-512", "AES", "Renewal",
                "SCEPStandard");
    }

    @Test
    void pkcsReqWithPassword_issuesOnce_andTheSamePasswordFailsTheSecondTime() {
        Secret password = challenge(Optional.empty(), Duration.ofHours(1)).password();

        CertRep first = send(MessageType.PKCS_REQ, csr("CN=device1.example.com", password), CLIENT_KEYS, selfSigned(),
                "tx1");
        assertThat(first.status()).isEqualTo(PkiStatus.SUCCESS);
        Certificate issued = first.certificates().get(0);
        assertThat(issued.subject()).isEqualTo(DistinguishedName.parse("CN=device1.example.com"));
        assertThat(issued.publicKey()).isEqualTo(CLIENT_KEYS.getPublic());
        assertThat(issued.verifiedBy(h.ca.certificate().publicKey())).isTrue();
        assertThat(h.store.certificates).hasSize(1);

        CertRep second = send(MessageType.PKCS_REQ, csr("CN=device1.example.com", password), CLIENT_KEYS, selfSigned(),
                "tx2");
        assertThat(second.status()).isEqualTo(PkiStatus.FAILURE);
        assertThat(second.failInfo()).contains(FailInfo.BAD_REQUEST);
        assertThat(h.store.certificates).hasSize(1);
    }

    @Test
    void wrongPassword_isBadRequest_andNothingIsStored() {
        challenge(Optional.empty(), Duration.ofHours(1));
        CertRep rep = send(MessageType.PKCS_REQ, csr("CN=device1.example.com", Secret.of("guessed")), CLIENT_KEYS,
                selfSigned(), "tx1");
        assertThat(rep.failInfo()).contains(FailInfo.BAD_REQUEST);
        assertThat(h.store.certificates).isEmpty();
        assertThat(h.store.requests).isEmpty();
    }

    @Test
    void expiredPassword_isBadRequest() {
        Secret password = challenge(Optional.empty(), Duration.ofMinutes(10)).password();
        h.clock.advance(Duration.ofMinutes(11));
        CertRep rep = send(MessageType.PKCS_REQ, csr("CN=device1.example.com", password), CLIENT_KEYS, selfSigned(), "tx1");
        assertThat(rep.failInfo()).contains(FailInfo.BAD_REQUEST);
        assertThat(h.store.certificates).isEmpty();
    }

    @Test
    void passwordBoundToASubject_refusesAnotherSubject() {
        Secret password = challenge(Optional.of(DistinguishedName.parse("CN=only.example.com")), Duration.ofHours(1)).password();
        CertRep rep = send(MessageType.PKCS_REQ, csr("CN=other.example.com", password), CLIENT_KEYS, selfSigned(), "tx1");
        assertThat(rep.failInfo()).contains(FailInfo.BAD_REQUEST);
        assertThat(repo.passwords.values()).allSatisfy(p -> assertThat(p.usedAt()).isEmpty());
        CertRep right = send(MessageType.PKCS_REQ, csr("CN=only.example.com", password), CLIENT_KEYS, selfSigned(), "tx2");
        assertThat(right.status()).isEqualTo(PkiStatus.SUCCESS);
    }

    @Test
    void signedWithAKeyOtherThanTheCsrs_isBadMessageCheck() {
        Secret password = challenge(Optional.empty(), Duration.ofHours(1)).password();
        KeyPair other = KeySpec.RSA_2048.generate(RANDOM);
        CertRep rep = send(MessageType.PKCS_REQ, csr("CN=device1.example.com", password), other, selfSigned(other), "tx1");
        assertThat(rep.failInfo()).contains(FailInfo.BAD_MESSAGE_CHECK);
        assertThat(h.store.certificates).isEmpty();
    }

    @Test
    void noPassword_isPending_thenCertPollAfterApprovalIsSuccess() {
        Csr csr = new CsrBuilder().subject(DistinguishedName.parse("CN=manual.example.com")).build(CLIENT_KEYS);
        CertRep rep = send(MessageType.PKCS_REQ, csr, CLIENT_KEYS, selfSigned(), "tx-pending");
        assertThat(rep.status()).isEqualTo(PkiStatus.PENDING);
        assertThat(h.store.certificates).isEmpty();
        assertThat(send(MessageType.CERT_POLL, csr, CLIENT_KEYS, selfSigned(), "tx-pending").status())
                .isEqualTo(PkiStatus.PENDING);

        h.authority.agentReview().approve(Harness.AGENT, repo.transactions.get("tx-pending"));

        CertRep polled = send(MessageType.CERT_POLL, csr, CLIENT_KEYS, selfSigned(), "tx-pending");
        assertThat(polled.status()).isEqualTo(PkiStatus.SUCCESS);
        assertThat(polled.certificates().get(0).publicKey()).isEqualTo(CLIENT_KEYS.getPublic());
    }

    @Test
    void certPollOfAnUnknownTransaction_isBadCertId() {
        Csr csr = new CsrBuilder().subject(DistinguishedName.parse("CN=x.example.com")).build(CLIENT_KEYS);
        CertRep rep = send(MessageType.CERT_POLL, csr, CLIENT_KEYS, selfSigned(), "never-seen");
        assertThat(rep.failInfo()).contains(FailInfo.BAD_CERT_ID);
    }

    @Test
    void renewalReqSignedByTheCurrentCertificate_needsNoPassword() {
        Secret password = challenge(Optional.empty(), Duration.ofHours(1)).password();
        Certificate current = send(MessageType.PKCS_REQ, csr("CN=device1.example.com", password), CLIENT_KEYS, selfSigned(),
                "tx1").certificates().get(0);
        KeyPair next = KeySpec.RSA_2048.generate(RANDOM);
        Csr renewal = new CsrBuilder().subject(DistinguishedName.parse("CN=device1.example.com")).build(next);

        CertRep rep = send(MessageType.RENEWAL_REQ, renewal, CLIENT_KEYS, current, "tx-renew");

        assertThat(rep.status()).isEqualTo(PkiStatus.SUCCESS);
        assertThat(rep.certificates().get(0).publicKey()).isEqualTo(next.getPublic());
        assertThat(h.store.certificates).hasSize(2);
    }

    @Test
    void renewalReqSignedByASelfSignedCertificate_isBadRequest() {
        Csr renewal = new CsrBuilder().subject(DistinguishedName.parse("CN=device1.example.com")).build(CLIENT_KEYS);
        CertRep rep = send(MessageType.RENEWAL_REQ, renewal, CLIENT_KEYS, selfSigned(), "tx-renew");
        assertThat(rep.failInfo()).contains(FailInfo.BAD_REQUEST);
        assertThat(h.store.certificates).isEmpty();
    }

    @Test
    void renewalChangingTheSubject_isBadRequest() {
        Secret password = challenge(Optional.empty(), Duration.ofHours(1)).password();
        Certificate current = send(MessageType.PKCS_REQ, csr("CN=device1.example.com", password), CLIENT_KEYS, selfSigned(),
                "tx1").certificates().get(0);
        Csr renewal = new CsrBuilder().subject(DistinguishedName.parse("CN=someone-else.example.com")).build(CLIENT_KEYS);
        CertRep rep = send(MessageType.RENEWAL_REQ, renewal, CLIENT_KEYS, current, "tx-renew");
        assertThat(rep.failInfo()).contains(FailInfo.BAD_REQUEST);
        assertThat(h.store.certificates).hasSize(1);
    }

    @Test
    void garbage_isMalformed() {
        assertThatThrownBy(() -> scep.pkiOperation(Optional.empty(), Der.of("hello".getBytes())))
                .isInstanceOfSatisfying(BrevetException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.MALFORMED));
    }

    @Test
    void challengeByANonAgent_isUnauthorized() {
        assertThatThrownBy(() -> scep.createChallenge(Harness.PLAIN_USER, Optional.empty(), Duration.ofHours(1)))
                .isInstanceOfSatisfying(BrevetException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.UNAUTHORIZED));
        assertThatThrownBy(() -> scep.createChallenge(Caller.ANONYMOUS, Optional.empty(), Duration.ofHours(1)))
                .isInstanceOf(BrevetException.class);
        assertThat(repo.passwords).isEmpty();
    }

    @Test
    void passwordIsStoredHashedOnly() {
        ScepChallenge c = challenge(Optional.empty(), Duration.ofHours(1));
        assertThat(repo.passwords.keySet()).containsExactly(ChallengePasswords.hash(c.password()));
        assertThat(repo.passwords.keySet().iterator().next()).doesNotContain(c.password().reveal());
        assertThat(c.password().reveal()).hasSizeGreaterThanOrEqualTo(24);
    }

    private ScepChallenge challenge(Optional<DistinguishedName> subject, Duration validFor) {
        return scep.createChallenge(Harness.AGENT, subject, validFor);
    }

    private CertRep send(MessageType type, Csr csr, KeyPair signerKeys, Certificate signerCert, String transactionId) {
        byte[] nonce = new byte[16];
        RANDOM.nextBytes(nonce);
        Transaction tx = new Transaction(type, transactionId, Der.of(nonce));
        Der message = PkiMessageBuilder.build(tx, csr.toDer(), Signer.of(signerKeys.getPrivate(), signerKeys.getPublic()),
                signerCert, ra.certificate(), ContentCipher.AES_256_CBC, h.clock.instant());
        CertRep rep = CertRepDecoder.decode(scep.pkiOperation(Optional.empty(), message), ra.certificate(),
                signerKeys.getPrivate());
        assertThat(rep.transactionId()).isEqualTo(transactionId);
        assertThat(rep.recipientNonce()).isEqualTo(Der.of(nonce));
        return rep;
    }

    private static Csr csr(String subject, Secret password) {
        return new CsrBuilder().subject(DistinguishedName.parse(subject)).challengePassword(password).build(CLIENT_KEYS);
    }

    private Certificate selfSigned() {
        return selfSigned(CLIENT_KEYS);
    }

    private Certificate selfSigned(KeyPair keys) {
        DistinguishedName name = DistinguishedName.parse("CN=scep client");
        return new CertificateBuilder().serial(SerialNumber.random(RANDOM)).issuer(name).subject(name)
                .validity(TestCa.START.minus(Duration.ofDays(1)), TestCa.START.plus(Duration.ofDays(1)))
                .publicKey(keys.getPublic()).build(Signer.of(keys.getPrivate(), keys.getPublic()));
    }

    private Certificate issueByCa(KeyPair keys, String subject) {
        return new CertificateBuilder().serial(SerialNumber.random(RANDOM)).issuer(h.ca.certificate())
                .subject(DistinguishedName.parse(subject))
                .validity(TestCa.START.minus(Duration.ofDays(1)), TestCa.START.plus(Duration.ofDays(365)))
                .publicKey(keys.getPublic()).keyUsage(EnumSet.of(KeyUsage.DIGITAL_SIGNATURE, KeyUsage.KEY_ENCIPHERMENT))
                .build(h.ca.signer());
    }
}
