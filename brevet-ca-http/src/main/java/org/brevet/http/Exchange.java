package org.brevet.http;

import io.javalin.http.Context;
import java.util.Optional;
import org.brevet.ca.api.Caller;

/**
 * What the adapter remembers about one HTTP exchange for its single log line and for error mapping: the
 * log id, the caller once known, and the error kind if the exchange failed. Kept as request attributes.
 */
final class Exchange {
    private static final String LOG_ID = "brevet.logId";
    private static final String CALLER = "brevet.caller";
    private static final String ERROR = "brevet.error";

    private Exchange() {
    }

    static void begin(Context ctx, String logId) {
        ctx.attribute(LOG_ID, logId);
    }

    static String logId(Context ctx) {
        String id = ctx.attribute(LOG_ID);
        return id == null ? "-" : id;
    }

    static void caller(Context ctx, Caller caller) {
        ctx.attribute(CALLER, caller);
    }

    static Optional<Caller> caller(Context ctx) {
        return Optional.ofNullable(ctx.attribute(CALLER));
    }

    static void failed(Context ctx, String errorKind) {
        ctx.attribute(ERROR, errorKind);
    }

    static Optional<String> error(Context ctx) {
        return Optional.ofNullable(ctx.attribute(ERROR));
    }
}
