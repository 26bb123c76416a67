package org.brevet.server;

import org.brevet.pki.BrevetException;
import org.brevet.pki.ErrorKind;

/** A listener could not bind its address and port (in use, not permitted): the server cannot start. */
public final class ListenFailure extends BrevetException {
    ListenFailure(String detail, Throwable cause) {
        super(ErrorKind.UNAVAILABLE, detail, cause);
    }
}
