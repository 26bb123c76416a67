package org.brevet.protocol.scep;

import java.util.Optional;

/** SCEP messageType values (RFC 8894 §3.2.1.2), carried as a decimal PrintableString. */
public enum MessageType {
    CERT_REP(3),
    RENEWAL_REQ(17),
    PKCS_REQ(19),
    CERT_POLL(20),
    GET_CERT(21),
    GET_CRL(22);

    private final int code;

    MessageType(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static Optional<MessageType> fromCode(String text) {
        for (MessageType t : values()) {
            if (Integer.toString(t.code).equals(text)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
