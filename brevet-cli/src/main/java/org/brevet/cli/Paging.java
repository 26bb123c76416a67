package org.brevet.cli;

import org.brevet.pki.BrevetException;
import org.brevet.pki.ErrorKind;

/** The --start/--size options of list commands. */
final class Paging {
    static final int MAX_SIZE = 1000;

    private Paging() {
    }

    static void check(int start, int size) {
        if (start < 0) {
            throw new BrevetException(ErrorKind.MALFORMED, "--start must be 0 or more, not " + start);
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new BrevetException(ErrorKind.MALFORMED, "--size must be between 1 and " + MAX_SIZE + ", not " + size);
        }
    }
}
