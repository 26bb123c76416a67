package org.brevet.http;

import io.javalin.http.Context;
import java.util.Objects;
import org.brevet.ca.api.Authentication;
import org.brevet.ca.api.Caller;

/** Turns the request's TLS client certificate into a {@link Caller} and remembers it for the log line. */
final class Callers {
    private final Authentication authentication;

    Callers(Authentication authentication) {
        this.authentication = Objects.requireNonNull(authentication, "authentication");
    }

    /** End-entity paths: a client certificate is wanted; none (or an unknown one) gives anonymous. */
    Caller identify(Context ctx) {
        Caller caller = authentication.identify(ClientCertificate.of(ctx));
        Exchange.caller(ctx, caller);
        return caller;
    }

    /** Agent and admin paths: a mapped user is required, UNAUTHORIZED (401) otherwise. */
    Caller requireUser(Context ctx) {
        Caller caller = authentication.requireUser(ClientCertificate.of(ctx));
        Exchange.caller(ctx, caller);
        return caller;
    }
}
