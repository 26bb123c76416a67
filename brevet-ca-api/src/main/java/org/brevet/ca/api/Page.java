package org.brevet.ca.api;

import java.util.List;

/**
 * One page of a listing. {@code hasMore} instead of a total count: counting a large table costs a full
 * scan (one of Dogtag's listing complaints), and clients only need to know whether to ask again.
 */
public record Page<T>(List<T> items, int start, int size, boolean hasMore) {
    public Page {
        items = List.copyOf(items);
        if (start < 0 || size <= 0) {
            throw new IllegalArgumentException("start must be >= 0 and size > 0");
        }
    }
}
