package org.brevet.protocol.scep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.OptionalInt;
import org.bouncycastle.cms.CMSAlgorithm;
import org.bouncycastle.cms.CMSEnvelopedDataGenerator;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.jcajce.JceCMSContentEncryptorBuilder;
import org.bouncycastle.cms.jcajce.JceKeyTransRecipientInfoGenerator;
import org.brevet.pki.BrevetException;
import org.brevet.pki.Providers;
import org.brevet.pki.Certificate;
import org.brevet.pki.CertificateBuilder;
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
import org.brevet.testkit.Openssl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScepCodecTest {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private final KeyPair caKeys = KeySpec.RSA_2048.generate(RANDOM);
    private final Signer caSigner = Signer.of(caKeys.getPrivate(), caKeys.getPublic());
    private final Certificate ca = selfSigned(caKeys, "CN=SCEP Test CA", true);
    private final KeyPair raKeys = KeySpec.RSA_2048.generate(RANDOM);
    private final RaKey ra = new RaKey(raKeys.getPrivate(), issue(raKeys.getPublic(), "CN=SCEP RA"));
    private final KeyPair clientKeys = KeySpec.RSA_2048.generate(RANDOM);
    private final Certificate clientSelfSigned = selfSigned(clientKeys, "CN=client", false);

    @TempDir
    Path dir;

    @Test
    void pkcsReq_roundTrip_decodesContentAndTransaction() {
        Csr csr = new CsrBuilder().subject(DistinguishedName.parse("CN=client")).challengePassword(Secret.of("otp-1"))
                .build(clientKeys);
        Transaction tx = transaction(MessageType.PKCS_REQ);
        Der message = PkiMessageBuilder.build(tx, csr.toDer(), signer(clientKeys), clientSelfSigned, ra.certificate(),
                ContentCipher.AES_256_CBC, NOW);

        Decoded decoded = new PkiMessageDecoder(ra, CLOCK).decode(message);

        assertThat(decoded).isInstanceOf(Decoded.Valid.class);
        PkiMessage m = ((Decoded.Valid) decoded).message();
        assertThat(m.transaction()).isEqualTo(tx);
        assertThat(m.signer()).isEqualTo(clientSelfSigned);
        assertThat(m.cipher()).isEqualTo(ContentCipher.AES_256_CBC);
        assertThat(Csr.parse(m.content().bytes()).challengePassword()).contains(Secret.of("otp-1"));
    }

    @Test
    void desEde3Request_isAccepted_andTheReplyUsesAes() {
        Transaction tx = transaction(MessageType.PKCS_REQ);
        Der message = PkiMessageBuilder.build(tx, Der.of(new byte[] {1, 2, 3}), signer(clientKeys), clientSelfSigned,
                ra.certificate(), ContentCipher.DES_EDE3_CBC, NOW);
        PkiMessage m = ((Decoded.Valid) new PkiMessageDecoder(ra, CLOCK).decode(message)).message();
        assertThat(m.cipher()).isEqualTo(ContentCipher.DES_EDE3_CBC);
        assertThat(m.content()).isEqualTo(Der.of(new byte[] {1, 2, 3}));
    }

    @Test
    void messageEncryptedToAnotherCertificate_isBadMessageCheck() {
        KeyPair other = KeySpec.RSA_2048.generate(RANDOM);
        Der message = PkiMessageBuilder.build(transaction(MessageType.PKCS_REQ), Der.of(new byte[] {1}), signer(clientKeys),
                clientSelfSigned, issue(other.getPublic(), "CN=Other"), ContentCipher.AES_128_CBC, NOW);
        Decoded decoded = new PkiMessageDecoder(ra, CLOCK).decode(message);
        assertThat(decoded).isInstanceOf(Decoded.Invalid.class);
        assertThat(((Decoded.Invalid) decoded).failInfo()).isEqualTo(FailInfo.BAD_MESSAGE_CHECK);
    }

    @Test
    void signatureByAnotherKeyThanTheCertificate_isBadMessageCheck() {
        KeyPair other = KeySpec.RSA_2048.generate(RANDOM);
        Der message = PkiMessageBuilder.build(transaction(MessageType.PKCS_REQ), Der.of(new byte[] {1}), signer(other),
                clientSelfSigned, ra.certificate(), ContentCipher.AES_128_CBC, NOW);
        Decoded decoded = new PkiMessageDecoder(ra, CLOCK).decode(message);
        assertThat(((Decoded.Invalid) decoded).failInfo()).isEqualTo(FailInfo.BAD_MESSAGE_CHECK);
    }

    @Test
    void signingTimeTwoDaysOff_isBadTime() {
        Der message = PkiMessageBuilder.build(transaction(MessageType.PKCS_REQ), Der.of(new byte[] {1}), signer(clientKeys),
                clientSelfSigned, ra.certificate(), ContentCipher.AES_128_CBC, NOW.minus(Duration.ofDays(2)));
        Decoded decoded = new PkiMessageDecoder(ra, CLOCK).decode(message);
        assertThat(((Decoded.Invalid) decoded).failInfo()).isEqualTo(FailInfo.BAD_TIME);
    }

    @Test
    void singleDesEnvelope_isBadAlg() throws Exception {
        CMSEnvelopedDataGenerator gen = new CMSEnvelopedDataGenerator();
        gen.addRecipientInfoGenerator(new JceKeyTransRecipientInfoGenerator(ra.certificate().toX509()));
        Der envelope = Der.of(gen.generate(new CMSProcessableByteArray(new byte[] {1}),
                new JceCMSContentEncryptorBuilder(CMSAlgorithm.DES_CBC).setProvider(Providers.bc()).build()).getEncoded());
        Transaction tx = transaction(MessageType.PKCS_REQ);
        Der message = ScepSigning.sign(envelope, signer(clientKeys), clientSelfSigned, List.of(
                ScepSigning.printable(ScepOids.MESSAGE_TYPE, "19"), ScepSigning.printable(ScepOids.TRANSACTION_ID,
                        tx.transactionId()), ScepSigning.octets(ScepOids.SENDER_NONCE, tx.senderNonce())), NOW);

        Decoded decoded = new PkiMessageDecoder(ra, CLOCK).decode(message);

        assertThat(((Decoded.Invalid) decoded).failInfo()).isEqualTo(FailInfo.BAD_ALG);
        assertThat(decoded.transaction()).isEqualTo(tx);
    }

    @Test
    void garbage_isMalformed() {
        assertThatThrownBy(() -> new PkiMessageDecoder(ra, CLOCK).decode(Der.of("not cms".getBytes())))
                .isInstanceOfSatisfying(BrevetException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.MALFORMED));
    }

    @Test
    void success_isReadByTheClient_andByOpenssl() throws Exception {
        Transaction tx = transaction(MessageType.PKCS_REQ);
        Certificate issued = issue(clientKeys.getPublic(), "CN=client");
        Der rep = new CertRepBuilder(ra, RANDOM, CLOCK).success(tx, clientSelfSigned, ContentCipher.DES_EDE3_CBC, List.of(issued));

        CertRep read = CertRepDecoder.decode(rep, ra.certificate(), clientKeys.getPrivate());
        assertThat(read.status()).isEqualTo(PkiStatus.SUCCESS);
        assertThat(read.transactionId()).isEqualTo(tx.transactionId());
        assertThat(read.recipientNonce()).isEqualTo(tx.senderNonce());
        assertThat(read.certificates()).containsExactly(issued);

        Path file = dir.resolve("rep.der");
        Files.write(file, rep.bytes());
        Path ra = dir.resolve("ra.pem");
        Files.writeString(ra, this.ra.certificate().toPem());
        Openssl openssl = new Openssl(dir);
        String printed = openssl.ok("cms", "-cmsout", "-print", "-inform", "DER", "-in", file.toString()).stdout();
        assertThat(printed).contains("pkcs7-signedData").contains("sha256WithRSAEncryption")
                .contains("2.16.840.1.113733.1.9.6");
        Path envelope = dir.resolve("env.der");
        openssl.ok("cms", "-verify", "-inform", "DER", "-in", file.toString(), "-certfile", ra.toString(),
                "-noverify", "-out", envelope.toString());
        assertThat(openssl.ok("cms", "-cmsout", "-print", "-inform", "DER", "-in", envelope.toString()).stdout())
                .contains("pkcs7-envelopedData").contains("aes-256-cbc");
    }

    @Test
    void failure_carriesFailInfo_andPendingHasNone() {
        Transaction tx = transaction(MessageType.CERT_POLL);
        CertRepBuilder builder = new CertRepBuilder(ra, RANDOM, CLOCK);
        CertRep failure = CertRepDecoder.decode(builder.failure(tx, FailInfo.BAD_CERT_ID), ra.certificate(),
                clientKeys.getPrivate());
        assertThat(failure.status()).isEqualTo(PkiStatus.FAILURE);
        assertThat(failure.failInfo()).contains(FailInfo.BAD_CERT_ID);
        CertRep pending = CertRepDecoder.decode(builder.pending(tx), ra.certificate(), clientKeys.getPrivate());
        assertThat(pending.status()).isEqualTo(PkiStatus.PENDING);
        assertThat(pending.failInfo()).isEmpty();
        assertThat(pending.recipientNonce()).isEqualTo(tx.senderNonce());
    }

    @Test
    void certRepSignedBySomeoneElse_isRejectedByTheClient() {
        KeyPair other = KeySpec.RSA_2048.generate(RANDOM);
        RaKey impostor = new RaKey(other.getPrivate(), issue(other.getPublic(), "CN=SCEP RA"));
        Der rep = new CertRepBuilder(impostor, RANDOM, CLOCK).pending(transaction(MessageType.PKCS_REQ));
        assertThatThrownBy(() -> CertRepDecoder.decode(rep, ra.certificate(), clientKeys.getPrivate()))
                .isInstanceOfSatisfying(BrevetException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.BAD_SIGNATURE));
    }

    private static Transaction transaction(MessageType type) {
        byte[] nonce = new byte[16];
        RANDOM.nextBytes(nonce);
        return new Transaction(type, "tx-" + RANDOM.nextInt(1_000_000), Der.of(nonce));
    }

    private static Signer signer(KeyPair keys) {
        return Signer.of(keys.getPrivate(), keys.getPublic());
    }

    private Certificate selfSigned(KeyPair keys, String dn, boolean isCa) {
        DistinguishedName name = DistinguishedName.parse(dn);
        CertificateBuilder b = new CertificateBuilder().serial(SerialNumber.random(RANDOM)).issuer(name).subject(name)
                .validity(NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(365))).publicKey(keys.getPublic());
        if (isCa) {
            b.basicConstraints(true, OptionalInt.empty(), true).keyUsage(EnumSet.of(KeyUsage.KEY_CERT_SIGN, KeyUsage.CRL_SIGN));
        }
        return b.build(signer(keys));
    }

    private Certificate issue(java.security.PublicKey key, String dn) {
        return new CertificateBuilder().serial(SerialNumber.random(RANDOM)).issuer(ca).subject(DistinguishedName.parse(dn))
                .validity(NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(30))).publicKey(key)
                .keyUsage(EnumSet.of(KeyUsage.DIGITAL_SIGNATURE, KeyUsage.KEY_ENCIPHERMENT)).build(caSigner);
    }
}
