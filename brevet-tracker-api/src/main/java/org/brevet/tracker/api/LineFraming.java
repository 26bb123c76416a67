package org.brevet.tracker.api;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.brevet.pki.BrevetException;

/**
 * Messages on the control socket: one UTF-8 JSON document terminated by a newline, at most
 * {@value #MAX_BYTES} bytes (a larger message is refused, so a confused peer cannot exhaust memory).
 */
public final class LineFraming {
    public static final int MAX_BYTES = 16 * 1024 * 1024;

    private LineFraming() {
    }

    public static void write(OutputStream out, String message) throws IOException {
        if (message.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("message contains a newline");
        }
        out.write(message.getBytes(StandardCharsets.UTF_8));
        out.write('\n');
        out.flush();
    }

    /** Reads one message; empty at end of stream before any byte. */
    public static Optional<String> read(InputStream in) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        byte[] chunk = new byte[8192];
        while (true) {
            int n = in.read(chunk);
            if (n < 0) {
                break;
            }
            int nl = indexOf(chunk, n);
            buf.write(chunk, 0, nl < 0 ? n : nl);
            if (buf.size() > MAX_BYTES) {
                throw BrevetException.malformed("message larger than " + MAX_BYTES + " bytes", null);
            }
            if (nl >= 0) {
                return Optional.of(buf.toString(StandardCharsets.UTF_8));
            }
        }
        return buf.size() == 0 ? Optional.empty() : Optional.of(buf.toString(StandardCharsets.UTF_8));
    }

    private static int indexOf(byte[] chunk, int n) {
        for (int i = 0; i < n; i++) {
            if (chunk[i] == '\n') {
                return i;
            }
        }
        return -1;
    }
}
