package org.brevet.protocol.cmc;

import java.util.Arrays;

/** CMCStatus (RFC 5272 §6.1.1) with the label Dogtag's CMCResponse prints. */
public enum CmcStatus {
    SUCCESS(0, "SUCCESS"),
    FAILED(2, "FAILED"),
    PENDING(3, "PENDING"),
    NO_SUPPORT(4, "NOSUPPORT"),
    CONFIRM_REQUIRED(5, "CONFIRM_REQUIRED"),
    POP_REQUIRED(6, "POP_REQUIRED"),
    PARTIAL(7, "PARTIAL");

    private final int code;
    private final String label;

    CmcStatus(int code, String label) {
        this.code = code;
        this.label = label;
    }

    public int code() {
        return code;
    }

    public String label() {
        return label;
    }

    /** MALFORMED-free lookup: unknown codes are a protocol error the caller reports. */
    static CmcStatus of(int code) {
        return Arrays.stream(values()).filter(s -> s.code == code).findFirst()
                .orElseThrow(() -> org.brevet.pki.BrevetException.malformed("unknown CMCStatus " + code, null));
    }
}
