package org.brevet.http;

import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.router.JavalinDefaultRouting;
import java.util.Locale;
import org.brevet.pki.BrevetException;
import org.brevet.pki.ErrorKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The REST adapter's one error mapper: {@link BrevetException} kinds become statuses and
 * {@code {"error": kind, "detail": ...}}; anything else becomes a 500 whose detail names the log id, with the
 * stack trace in the log only. No stack trace ever reaches a client.
 */
final class ErrorMapper {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorMapper.class);

    private final Json json;

    ErrorMapper(Json json) {
        this.json = json;
    }

    void install(JavalinDefaultRouting routes) {
        routes.exception(BrevetException.class, this::brevet);
        routes.exception(HttpResponseException.class, this::http);
        routes.exception(Exception.class, this::unexpected);
        routes.error(404, this::noRoute);
    }

    /**
     * The HTTP status of a kind. UNAUTHORIZED is 401 when the caller proved no identity and 403 when an
     * authenticated user lacks the role.
     */
    static int status(ErrorKind kind, boolean authenticated) {
        return switch (kind) {
            case MALFORMED, BAD_SIGNATURE, BAD_POP, UNKNOWN_PROFILE -> 400;
            case UNAUTHORIZED -> authenticated ? 403 : 401;
            case NOT_FOUND -> 404;
            case CONFLICT, ALREADY_REVOKED -> 409;
            case REJECTED_BY_POLICY -> 422;
            case UNAVAILABLE -> 503;
            case INTERNAL -> 500;
        };
    }

    static String wireName(ErrorKind kind) {
        return kind.name().toLowerCase(Locale.ROOT);
    }

    private void brevet(BrevetException e, Context ctx) {
        if (e.kind() == ErrorKind.INTERNAL) {
            unexpected(e, ctx);
            return;
        }
        if (e.kind() == ErrorKind.UNAVAILABLE) {
            LOG.warn("{} - {} {}: {}", Exchange.logId(ctx), ctx.method(), ctx.path(), e.detail(), e.getCause());
        }
        boolean authenticated = Exchange.caller(ctx).map(c -> !c.isAnonymous()).orElse(false);
        respond(ctx, status(e.kind(), authenticated), wireName(e.kind()), e.detail());
    }

    private void http(HttpResponseException e, Context ctx) {
        int status = e.getStatus();
        if (status == 404) {
            noSuchResource(ctx);
            return;
        }
        respond(ctx, status, wireName(ErrorKind.MALFORMED), e.getMessage());
    }

    private void unexpected(Exception e, Context ctx) {
        String id = Exchange.logId(ctx);
        LOG.error("{} - {} {} failed unexpectedly", id, ctx.method(), ctx.path(), e);
        respond(ctx, 500, wireName(ErrorKind.INTERNAL), "internal error, see server log for request " + id);
    }

    /** Javalin's own 404 (no route matched) gets the same JSON shape; a mapped NOT_FOUND is left as is. */
    private void noRoute(Context ctx) {
        if (Exchange.error(ctx).isEmpty()) {
            noSuchResource(ctx);
        }
    }

    private void noSuchResource(Context ctx) {
        respond(ctx, 404, wireName(ErrorKind.NOT_FOUND), "no such resource: " + ctx.method() + " " + ctx.path());
    }

    private void respond(Context ctx, int status, String error, String detail) {
        Exchange.failed(ctx, error);
        ctx.status(status);
        json.write(ctx, new Views.ErrorView(error, detail));
    }
}
