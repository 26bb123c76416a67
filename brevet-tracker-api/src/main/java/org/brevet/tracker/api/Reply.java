package org.brevet.tracker.api;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;
import java.util.Objects;

/**
 * The daemon's answer to one {@link Command}. {@code message} is the line getcert prints (certmonger's
 * exact texts, reference §3.3); for failures it is the one-line error for stderr.
 */
public record Reply(Status status, String message, String requestId, List<RequestInfo> requests, List<CaInfo> cas) {

    /** How a command ended. */
    public enum Status {
        OK,
        NOT_FOUND,
        DUPLICATE,
        BAD_ARG,
        DENIED,
        INTERNAL
    }

    public Reply {
        Objects.requireNonNull(status, "status");
        message = message == null ? "" : message;
        requests = List.copyOf(requests == null ? List.of() : requests);
        cas = List.copyOf(cas == null ? List.of() : cas);
    }

    public static Reply ok(String message) {
        return new Reply(Status.OK, message, null, List.of(), List.of());
    }

    public static Reply ok(String message, String requestId) {
        return new Reply(Status.OK, message, requestId, List.of(), List.of());
    }

    public static Reply requests(List<RequestInfo> requests) {
        return new Reply(Status.OK, "", null, requests, List.of());
    }

    public static Reply cas(List<CaInfo> cas) {
        return new Reply(Status.OK, "", null, List.of(), cas);
    }

    public static Reply failure(Status status, String message) {
        return new Reply(status, message, null, List.of(), List.of());
    }

    @JsonIgnore
    public boolean isOk() {
        return status == Status.OK;
    }
}
