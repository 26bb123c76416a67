package org.brevet.cli;

/**
 * The server answered with an error: normally its document {@code {"error": kind, "detail": sentence}}, a
 * refusal for a 4xx status and a server failure for a 5xx status. The detail is the server's, safe to print
 * as it is. An answer that breaks the API contract (no JSON where JSON is due) is reported as a 502.
 */
final class ServerErrorException extends RuntimeException {
    private final int status;
    private final String error;

    ServerErrorException(int status, String error, String detail) {
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

    String detail() {
        return getMessage();
    }

    boolean isServerFault() {
        return status >= 500;
    }
}
