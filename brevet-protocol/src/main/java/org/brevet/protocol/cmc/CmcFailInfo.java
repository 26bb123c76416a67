package org.brevet.protocol.cmc;

import java.util.Arrays;

/** CMCFailInfo (RFC 5272 §6.1.4) with the text Dogtag's CMCResponse prints after "OtherInfoType: FAIL". */
public enum CmcFailInfo {
    BAD_ALG(0, "bad algorithm"),
    BAD_MESSAGE_CHECK(1, "bad message check"),
    BAD_REQUEST(2, "bad request"),
    BAD_TIME(3, "bad time"),
    BAD_CERT_ID(4, "bad certificate id"),
    UNSUPPORTED_EXT(5, "unsupported extension"),
    MUST_ARCHIVE_KEYS(6, "must archive keys"),
    BAD_IDENTITY(7, "bad identity"),
    POP_REQUIRED(8, "POP required"),
    POP_FAILED(9, "POP failed"),
    NO_KEY_REUSE(10, "no key reuse"),
    INTERNAL_CA_ERROR(11, "internal CA error"),
    TRY_LATER(12, "try later"),
    AUTH_DATA_FAIL(13, "auth data fail");

    private final int code;
    private final String text;

    CmcFailInfo(int code, String text) {
        this.code = code;
        this.text = text;
    }

    public int code() {
        return code;
    }

    public String text() {
        return text;
    }

    static CmcFailInfo of(int code) {
        return Arrays.stream(values()).filter(s -> s.code == code).findFirst()
                .orElseThrow(() -> org.brevet.pki.BrevetException.malformed("unknown CMCFailInfo " + code, null));
    }
}
