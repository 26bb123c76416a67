package org.brevet.ca.issue;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.security.PublicKey;
import java.util.function.Consumer;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.operator.ContentSigner;
import org.brevet.pki.Der;
import org.brevet.pki.SignatureAlgorithm;
import org.brevet.pki.Signer;

/**
 * Wraps the CA signer so that the exact bytes about to be signed (the DER TBSCertificate) are handed to
 * {@code beforeSigning} first, and the CA key is used only if that returns normally. The issuer records
 * the serial and TBSCertificate and writes the audit record there, so the intent on record is byte for
 * byte what the key signs, and a failure to record or audit means no signature. One use per certificate.
 */
final class IntentRecordingSigner implements Signer {
    private final Signer ca;
    private final Consumer<Der> beforeSigning;

    IntentRecordingSigner(Signer ca, Consumer<Der> beforeSigning) {
        this.ca = ca;
        this.beforeSigning = beforeSigning;
    }

    @Override
    public AlgorithmIdentifier algorithmIdentifier() {
        return ca.algorithmIdentifier();
    }

    @Override
    public SignatureAlgorithm signatureAlgorithm() {
        return ca.signatureAlgorithm();
    }

    @Override
    public PublicKey publicKey() {
        return ca.publicKey();
    }

    @Override
    public ContentSigner contentSigner() {
        ByteArrayOutputStream tbs = new ByteArrayOutputStream(1024);
        return new ContentSigner() {
            @Override
            public AlgorithmIdentifier getAlgorithmIdentifier() {
                return ca.algorithmIdentifier();
            }

            @Override
            public OutputStream getOutputStream() {
                return tbs;
            }

            @Override
            public byte[] getSignature() {
                byte[] bytes = tbs.toByteArray();
                beforeSigning.accept(Der.of(bytes));
                return ca.sign(bytes);
            }
        };
    }
}
