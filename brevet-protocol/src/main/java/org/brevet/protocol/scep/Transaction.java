package org.brevet.protocol.scep;

import java.util.Objects;
import org.brevet.pki.Der;

/**
 * What identifies a SCEP exchange and what a reply must echo: the transactionID and the sender's nonce
 * (the reply's recipientNonce). Present even in messages that fail verification, so that the FAILURE
 * reply can name them.
 */
public record Transaction(MessageType messageType, String transactionId, Der senderNonce) {
    public Transaction {
        Objects.requireNonNull(messageType, "messageType");
        Objects.requireNonNull(transactionId, "transactionId");
        Objects.requireNonNull(senderNonce, "senderNonce");
    }
}
