package org.brevet.cli;

import java.util.Optional;
import org.brevet.pki.ErrorKind;

/**
 * The server answered with an error document {@code {"error": kind, "detail": sentence}}: a refusal for a
 * 4xx status, a server failure for a 5xx status. The detail is the server's, safe to print as it is.
 */
final class ServerRefusedException extends RuntimeException {
    private final int status;
    private final String error;

    ServerRefusedException(int status, String error, String detail) {
        super(detail);
        this.status = status;
        this.error = error;
    }

    int status() {
        return status;
    }

    /** The error kind as the server spelled it ("not_found"), or "" if the body was not an error document. */
    String error() {
        return error;
    }

    /** The kind, when the server named one Brevet knows. */
    Optional<ErrorKind> kind() {
        for (ErrorKind k : ErrorKind.values()) {
            if (k.name().equalsIgnoreCase(error)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }

    String detail() {
        return getMessage();
    }

    boolean isServerFault() {
        return status >= 500;
    }
}
