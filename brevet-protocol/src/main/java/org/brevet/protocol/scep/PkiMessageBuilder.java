package org.brevet.protocol.scep;

import java.time.Instant;
import java.util.List;
import org.brevet.pki.Certificate;
import org.brevet.pki.Der;
import org.brevet.pki.Signer;

/**
 * Client side of RFC 8894 §3.2: the pkiMessage, its content encrypted to the RA certificate and signed by the
 * requester (a self-signed certificate of the new key, or the current certificate for a renewal).
 */
public final class PkiMessageBuilder {
    private PkiMessageBuilder() {
    }

    public static Der build(Transaction transaction, Der content, Signer signer, Certificate signerCertificate,
            Certificate ra, ContentCipher cipher, Instant signingTime) {
        Der envelope = ScepSigning.envelope(content, ra, cipher);
        return ScepSigning.sign(envelope, signer, signerCertificate, List.of(
                ScepSigning.printable(ScepOids.MESSAGE_TYPE, Integer.toString(transaction.messageType().code())),
                ScepSigning.printable(ScepOids.TRANSACTION_ID, transaction.transactionId()),
                ScepSigning.octets(ScepOids.SENDER_NONCE, transaction.senderNonce())), signingTime);
    }
}
