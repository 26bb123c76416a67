package org.brevet.cli;

/** The server could not be reached or spoken to: connection refused, timeout, TLS handshake failure. */
final class ServerUnreachableException extends RuntimeException {
    ServerUnreachableException(String detail, Throwable cause) {
        super(detail, cause);
    }
}
