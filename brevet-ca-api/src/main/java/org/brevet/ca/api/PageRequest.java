package org.brevet.ca.api;

import org.brevet.pki.BrevetException;
import org.brevet.pki.ErrorKind;

/** Which page to return: offset and page size (at most {@value #MAX_SIZE}). */
public record PageRequest(int start, int size) {
    public static final int MAX_SIZE = 1000;
    public static final PageRequest FIRST = new PageRequest(0, 20);

    public PageRequest {
        if (start < 0) {
            throw new BrevetException(ErrorKind.MALFORMED, "start: must not be negative");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new BrevetException(ErrorKind.MALFORMED, "size: must be between 1 and " + MAX_SIZE);
        }
    }
}
