package org.brevet.protocol.scep;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSEnvelopedData;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.KeyTransRecipientId;
import org.bouncycastle.cms.RecipientInformation;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JceKeyTransEnvelopedRecipient;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.brevet.pki.BrevetException;
import org.brevet.pki.Certificate;
import org.brevet.pki.Der;
import org.brevet.pki.ErrorKind;
import org.brevet.pki.Providers;

/**
 * Server side of RFC 8894 §3: reads a pkiMessage, checks its signature with the certificate it carries,
 * and decrypts its envelope with the RA key. A body that is not a SignedData with SCEP's attributes at all
 * is MALFORMED (no reply can name its transaction); anything later is a {@link Decoded.Invalid} with the
 * failInfo to answer. Thread-safe.
 */
public final class PkiMessageDecoder {
    /** How far a signingTime may be from our clock. */
    static final Duration TIME_TOLERANCE = Duration.ofHours(24);

    private final RaKey ra;
    private final Clock clock;

    public PkiMessageDecoder(RaKey ra, Clock clock) {
        this.ra = ra;
        this.clock = clock;
    }

    public Decoded decode(Der body) {
        CMSSignedData signed;
        try {
            signed = new CMSSignedData(body.bytes());
        } catch (CMSException | RuntimeException e) {
            throw new BrevetException(ErrorKind.MALFORMED, "the SCEP message is not a CMS SignedData", e);
        }
        Collection<SignerInformation> signers = signed.getSignerInfos().getSigners();
        if (signers.size() != 1) {
            throw new BrevetException(ErrorKind.MALFORMED, "the SCEP message has " + signers.size() + " signers, not one");
        }
        SignerInformation signer = signers.iterator().next();
        Transaction transaction = transaction(new SignedAttributes(signer.getSignedAttributes()));
        Collection<X509CertificateHolder> matches = signed.getCertificates().getMatches(signer.getSID());
        if (matches.isEmpty()) {
            return new Decoded.Invalid(transaction, FailInfo.BAD_MESSAGE_CHECK, "the signer's certificate is not in the message");
        }
        X509CertificateHolder signerCert = matches.iterator().next();
        Optional<Instant> signingTime = signingTime(signer);
        if (signingTime.isPresent()
                && Duration.between(signingTime.get(), clock.instant()).abs().compareTo(TIME_TOLERANCE) > 0) {
            return new Decoded.Invalid(transaction, FailInfo.BAD_TIME, "signingTime " + signingTime.get() + " is too far from now");
        }
        Object content = signed.getSignedContent() == null ? null : signed.getSignedContent().getContent();
        Optional<String> notVerified = verificationFailure(signer, signerCert);
        if (notVerified.isPresent()) {
            return new Decoded.Invalid(transaction, FailInfo.BAD_MESSAGE_CHECK, "the signature does not verify: "
                    + notVerified.get());
        }
        if (!(content instanceof byte[] envelope)) {
            return new Decoded.Invalid(transaction, FailInfo.BAD_REQUEST, "the message has no content");
        }
        return open(transaction, Certificate.fromDer(Der.of(encoded(signerCert))), envelope);
    }

    private Decoded open(Transaction transaction, Certificate signer, byte[] envelope) {
        CMSEnvelopedData enveloped;
        try {
            enveloped = new CMSEnvelopedData(envelope);
        } catch (CMSException | RuntimeException e) {
            return new Decoded.Invalid(transaction, FailInfo.BAD_REQUEST, "the content is not a CMS EnvelopedData");
        }
        Optional<ContentCipher> cipher = ContentCipher.fromOid(enveloped.getEncryptionAlgOID());
        if (cipher.isEmpty()) {
            return new Decoded.Invalid(transaction, FailInfo.BAD_ALG,
                    "content encryption " + enveloped.getEncryptionAlgOID() + " is not supported");
        }
        X509CertificateHolder raCert = ra.certificate().toBc();
        RecipientInformation recipient = enveloped.getRecipientInfos()
                .get(new KeyTransRecipientId(raCert.getIssuer(), raCert.getSerialNumber()));
        if (recipient == null) {
            return new Decoded.Invalid(transaction, FailInfo.BAD_MESSAGE_CHECK, "the message is not encrypted to the RA certificate");
        }
        try {
            byte[] plain = recipient.getContent(new JceKeyTransEnvelopedRecipient(ra.privateKey()).setProvider(Providers.bc()));
            return new Decoded.Valid(new PkiMessage(transaction, signer, Der.of(plain), cipher.get()));
        } catch (CMSException | RuntimeException e) {
            return new Decoded.Invalid(transaction, FailInfo.BAD_MESSAGE_CHECK, "the envelope cannot be decrypted");
        }
    }

    private static Transaction transaction(SignedAttributes attributes) {
        String type = attributes.string(ScepOids.MESSAGE_TYPE)
                .orElseThrow(() -> new BrevetException(ErrorKind.MALFORMED, "the SCEP message has no messageType"));
        MessageType messageType = MessageType.fromCode(type)
                .orElseThrow(() -> new BrevetException(ErrorKind.MALFORMED, "unknown SCEP messageType " + type));
        String id = attributes.string(ScepOids.TRANSACTION_ID)
                .orElseThrow(() -> new BrevetException(ErrorKind.MALFORMED, "the SCEP message has no transactionID"));
        Der nonce = attributes.octets(ScepOids.SENDER_NONCE)
                .orElseThrow(() -> new BrevetException(ErrorKind.MALFORMED, "the SCEP message has no senderNonce"));
        return new Transaction(messageType, id, nonce);
    }

    /** Why the signature does not verify with the certificate, or empty when it does. */
    private static Optional<String> verificationFailure(SignerInformation signer, X509CertificateHolder cert) {
        try {
            return signer.verify(new JcaSimpleSignerInfoVerifierBuilder().setProvider(Providers.bc()).build(cert))
                    ? Optional.empty() : Optional.of("wrong signature");
        } catch (CMSException | OperatorCreationException | java.security.cert.CertificateException | RuntimeException e) {
            return Optional.of(String.valueOf(e.getMessage()));
        }
    }

    private static Optional<Instant> signingTime(SignerInformation signer) {
        return new SignedAttributes(signer.getSignedAttributes()).value(CMSAttributes.signingTime)
                .map(v -> Time.getInstance(v).getDate().toInstant());
    }

    private static byte[] encoded(X509CertificateHolder holder) {
        try {
            return holder.getEncoded();
        } catch (IOException e) {
            throw new BrevetException(ErrorKind.MALFORMED, "the signer's certificate cannot be encoded", e);
        }
    }
}
