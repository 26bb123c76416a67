package org.brevet.getcert;

import org.brevet.pki.BrevetException;
import org.brevet.pki.ErrorKind;
import org.brevet.tracker.api.Reply;

/** A failed reply becomes the one-line error getcert prints (exit 1). */
final class Replies {
    private Replies() {
    }

    static Reply require(Reply reply) {
        if (!reply.isOk()) {
            throw new BrevetException(ErrorKind.CONFLICT, reply.message());
        }
        return reply;
    }
}
