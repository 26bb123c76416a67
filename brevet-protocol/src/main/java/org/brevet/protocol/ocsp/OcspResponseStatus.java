package org.brevet.protocol.ocsp;

/** OCSPResponseStatus (RFC 6960 §4.2.1); value 4 is unused. */
public enum OcspResponseStatus {
    SUCCESSFUL(0),
    MALFORMED_REQUEST(1),
    INTERNAL_ERROR(2),
    TRY_LATER(3),
    SIG_REQUIRED(5),
    UNAUTHORIZED(6);

    private final int code;

    OcspResponseStatus(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static OcspResponseStatus fromCode(int code) {
        for (OcspResponseStatus s : values()) {
            if (s.code == code) {
                return s;
            }
        }
        throw org.brevet.pki.BrevetException.malformed("unknown OCSP response status " + code, null);
    }
}
