package org.brevet.protocol.scep;

import java.security.PrivateKey;
import java.util.Collection;
import java.util.List;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSEnvelopedData;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.RecipientInformation;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.cms.jcajce.JceKeyTransEnvelopedRecipient;
import org.brevet.pki.BrevetException;
import org.brevet.pki.Certificate;
import org.brevet.pki.CertificateBundle;
import org.brevet.pki.ErrorKind;
import org.brevet.pki.Der;
import org.brevet.pki.Providers;

/**
 * Client side of RFC 8894 §3.3.2: checks a CertRep's signature against the RA certificate and, on SUCCESS,
 * decrypts the certificates with the requester's key. BAD_SIGNATURE or MALFORMED otherwise.
 */
public final class CertRepDecoder {
    private CertRepDecoder() {
    }

    public static CertRep decode(Der body, Certificate ra, PrivateKey requesterKey) {
        try {
            CMSSignedData signed = new CMSSignedData(body.bytes());
            Collection<SignerInformation> signers = signed.getSignerInfos().getSigners();
            if (signers.size() != 1) {
                throw new BrevetException(ErrorKind.MALFORMED, "a CertRep has one signer, this one " + signers.size());
            }
            SignerInformation signer = signers.iterator().next();
            X509CertificateHolder raHolder = ra.toBc();
            if (!signer.getSID().match(raHolder)
                    || !signer.verify(new JcaSimpleSignerInfoVerifierBuilder().setProvider(Providers.bc()).build(raHolder))) {
                throw new BrevetException(ErrorKind.BAD_SIGNATURE, "the CertRep is not signed by the RA certificate");
            }
            SignedAttributes attributes = new SignedAttributes(signer.getSignedAttributes());
            PkiStatus status = attributes.string(ScepOids.PKI_STATUS).flatMap(PkiStatus::fromCode)
                    .orElseThrow(() -> new BrevetException(ErrorKind.MALFORMED, "the CertRep has no pkiStatus"));
            String id = attributes.string(ScepOids.TRANSACTION_ID)
                    .orElseThrow(() -> new BrevetException(ErrorKind.MALFORMED, "the CertRep has no transactionID"));
            Der nonce = attributes.octets(ScepOids.RECIPIENT_NONCE)
                    .orElseThrow(() -> new BrevetException(ErrorKind.MALFORMED, "the CertRep has no recipientNonce"));
            List<Certificate> certificates = List.of();
            if (status == PkiStatus.SUCCESS) {
                CMSEnvelopedData enveloped = new CMSEnvelopedData((byte[]) signed.getSignedContent().getContent());
                RecipientInformation recipient = enveloped.getRecipientInfos().getRecipients().iterator().next();
                byte[] plain = recipient.getContent(new JceKeyTransEnvelopedRecipient(requesterKey).setProvider(Providers.bc()));
                certificates = CertificateBundle.parse(plain);
            }
            return new CertRep(id, status, attributes.string(ScepOids.FAIL_INFO).flatMap(FailInfo::fromCode), nonce,
                    certificates);
        } catch (CMSException | org.bouncycastle.operator.OperatorCreationException
                | java.security.cert.CertificateException | RuntimeException e) {
            if (e instanceof BrevetException b) {
                throw b;
            }
            throw new BrevetException(ErrorKind.MALFORMED, "the CertRep cannot be read: " + e.getMessage(), e);
        }
    }
}
