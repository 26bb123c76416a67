package org.brevet.http;

import io.javalin.http.Context;
import java.util.Locale;
import org.brevet.ca.api.Caller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One line per HTTP exchange, written when it ends (Boulder's RequestEvent): log id, method, path,
 * status, duration, caller and error kind. Nothing from the body, so no secret or key material is logged.
 */
final class RequestLog {
    private static final Logger LOG = LoggerFactory.getLogger("org.brevet.http.access");

    private RequestLog() {
    }

    static void log(Context ctx, Float millis) {
        if (!LOG.isInfoEnabled()) {
            return;
        }
        LOG.info("{} {} {} {} {} ms caller={} error={}", Exchange.logId(ctx), ctx.method(), ctx.path(),
                ctx.statusCode(), String.format(Locale.ROOT, "%.1f", millis),
                Exchange.caller(ctx).map(Caller::auditId).orElse("-"), Exchange.error(ctx).orElse("-"));
    }
}
