package org.brevet.ca.api;

import java.util.Objects;
import java.util.Optional;

/** A request listing, newest first, optionally filtered by status. */
public record RequestQuery(Optional<RequestStatus> status, PageRequest page) {
    public RequestQuery {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(page, "page");
    }
}
