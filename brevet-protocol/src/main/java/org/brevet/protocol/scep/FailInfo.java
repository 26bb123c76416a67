package org.brevet.protocol.scep;

import java.util.Optional;

/** SCEP failInfo values (RFC 8894 §3.2.1.4). */
public enum FailInfo {
    /** Unrecognized or unsupported algorithm. */
    BAD_ALG(0),
    /** Integrity check (signature) failed, or the message cannot be decrypted. */
    BAD_MESSAGE_CHECK(1),
    /** Transaction not permitted or supported. */
    BAD_REQUEST(2),
    /** The signingTime attribute was not sufficiently close to the system time. */
    BAD_TIME(3),
    /** No certificate could be identified matching the provided criteria. */
    BAD_CERT_ID(4);

    private final int code;

    FailInfo(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static Optional<FailInfo> fromCode(String text) {
        for (FailInfo f : values()) {
            if (Integer.toString(f.code).equals(text)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }
}
