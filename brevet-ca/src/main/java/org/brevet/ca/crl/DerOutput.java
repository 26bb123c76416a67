package org.brevet.ca.crl;

import java.io.ByteArrayOutputStream;

/** DER tag-length headers for structures whose content is written separately (streamed). */
final class DerOutput {
    static final int SEQUENCE = 0x30;

    private DerOutput() {
    }

    /** The identifier and definite-length octets of a constructed value with {@code contentLength} content bytes. */
    static byte[] header(int tag, long contentLength) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(6);
        out.write(tag);
        if (contentLength < 0x80) {
            out.write((int) contentLength);
        } else {
            int bytes = (64 - Long.numberOfLeadingZeros(contentLength) + 7) / 8;
            out.write(0x80 | bytes);
            for (int i = bytes - 1; i >= 0; i--) {
                out.write((int) (contentLength >>> (8 * i)) & 0xff);
            }
        }
        return out.toByteArray();
    }
}
