package org.brevet.http;

import io.javalin.http.Context;
import java.util.Objects;
import java.util.Optional;
import org.brevet.ca.api.Authentication;
import org.brevet.ca.api.Caller;

/** Turns the request's TLS client certificate into a {@link Caller} and remembers it for the log line. */
final class Callers {
    private final Authentication authentication;
    private final boolean readsCertificates;

    Callers(Authentication authentication) {
        this(authentication, true);
    }

    private Callers(Authentication authentication, boolean readsCertificates) {
        this.authentication = Objects.requireNonNull(authentication, "authentication");
        this.readsCertificates = readsCertificates;
    }

    /** For the plain HTTP listener: there is no TLS session, every caller is anonymous. */
    static Callers anonymousOnly(Authentication authentication) {
        return new Callers(authentication, false);
    }

    /** End-entity paths: a client certificate is wanted; none (or an unknown one) gives anonymous. */
    Caller identify(Context ctx) {
        Caller caller = authentication.identify(readsCertificates ? ClientCertificate.of(ctx) : Optional.empty());
        Exchange.caller(ctx, caller);
        return caller;
    }

    /** Agent and admin paths: a mapped user is required, UNAUTHORIZED (401) otherwise. */
    Caller requireUser(Context ctx) {
        Caller caller = authentication.requireUser(readsCertificates ? ClientCertificate.of(ctx) : Optional.empty());
        Exchange.caller(ctx, caller);
        return caller;
    }
}
