package org.brevet.cli;

/**
 * A submitted request did not end with a certificate: still pending when {@code --wait} ran out (exit 4),
 * or rejected or canceled by an agent (exit 1). The request id is in the message so the user can follow up.
 */
final class RequestNotCompleteException extends RuntimeException {
    private final CertRequestInfo request;

    RequestNotCompleteException(CertRequestInfo request, String detail) {
        super(detail);
        this.request = request;
    }

    boolean isPending() {
        return request.isPending();
    }
}
