package org.brevet.protocol.scep;

import java.util.Objects;
import org.brevet.pki.Certificate;
import org.brevet.pki.Der;

/**
 * A verified and decrypted SCEP request.
 *
 * @param transaction the message type, transactionID and senderNonce
 * @param signer      the certificate whose key signed the message (self-signed for a first enrollment, the
 *                    current certificate for a renewal)
 * @param content     the decrypted messageData: a PKCS#10 request (PKCSReq, RenewalReq) or an
 *                    IssuerAndSubject (CertPoll) or IssuerAndSerialNumber (GetCert, GetCRL)
 * @param cipher      how the client encrypted it
 */
public record PkiMessage(Transaction transaction, Certificate signer, Der content, ContentCipher cipher) {
    public PkiMessage {
        Objects.requireNonNull(transaction, "transaction");
        Objects.requireNonNull(signer, "signer");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(cipher, "cipher");
    }

    public MessageType messageType() {
        return transaction.messageType();
    }
}
