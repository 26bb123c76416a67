package org.brevet.protocol.scep;

import java.util.Optional;

/** SCEP pkiStatus values (RFC 8894 §3.2.1.3). */
public enum PkiStatus {
    SUCCESS(0),
    FAILURE(2),
    PENDING(3);

    private final int code;

    PkiStatus(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static Optional<PkiStatus> fromCode(String text) {
        for (PkiStatus s : values()) {
            if (Integer.toString(s.code).equals(text)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
