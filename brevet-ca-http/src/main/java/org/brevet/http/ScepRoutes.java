package org.brevet.http;

import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRouting;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import org.brevet.ca.api.Scep;
import org.brevet.ca.api.ScepChallenge;
import org.brevet.pki.BrevetException;
import org.brevet.pki.Der;
import org.brevet.pki.DistinguishedName;
import org.brevet.pki.ErrorKind;

/**
 * SCEP over HTTP (RFC 8894 §4): {@code GET|POST /ca/cgi-bin/pkiclient.exe} (Dogtag's path), {@code /scep}
 * and {@code /scep/{profile}}, with operation GetCACaps, GetCACert and PKIOperation (base64 {@code message}
 * for GET, the DER body for POST). SCEP's clients are anonymous: the message authenticates itself. The
 * agents' endpoint for challenge passwords is {@link #installAgent}.
 */
final class ScepRoutes {
    static final String PKI_MESSAGE = "application/x-pki-message";
    static final String CA_RA_CERT = "application/x-x509-ca-ra-cert";
    static final String AGENT_PATH = "/ca/rest/agent/scep/challenges";
    /** How long a challenge password is valid when the agent does not say. */
    static final Duration DEFAULT_VALIDITY = Duration.ofDays(1);

    private final Scep scep;
    private final RequestBody body;

    ScepRoutes(Scep scep, RequestBody body) {
        this.scep = scep;
        this.body = body;
    }

    void install(JavalinDefaultRouting r) {
        for (String path : new String[] {"/ca/cgi-bin/pkiclient.exe", "/scep"}) {
            r.get(path, ctx -> handle(ctx, Optional.empty()));
            r.post(path, ctx -> handle(ctx, Optional.empty()));
        }
        r.get("/scep/{profile}", ctx -> handle(ctx, Optional.of(ctx.pathParam("profile"))));
        r.post("/scep/{profile}", ctx -> handle(ctx, Optional.of(ctx.pathParam("profile"))));
    }

    /** {@code POST /ca/rest/agent/scep/challenges} {"subject": DN?, "validForSeconds": N?} → 201 with the password. */
    void installAgent(JavalinDefaultRouting r, Callers callers, Json json) {
        r.post(AGENT_PATH, ctx -> {
            var agent = callers.requireUser(ctx);
            byte[] raw = body.bytes(ctx);
            NewChallenge in = raw.length == 0 ? new NewChallenge(null, null) : json.read(raw, NewChallenge.class);
            ScepChallenge created = scep.createChallenge(agent,
                    Optional.ofNullable(in.subject()).filter(s -> !s.isBlank()).map(DistinguishedName::parse),
                    in.validForSeconds() == null ? DEFAULT_VALIDITY : Duration.ofSeconds(in.validForSeconds()));
            ctx.status(201);
            json.write(ctx, new ChallengeView(created.password().reveal(), created.subject().orElse(null),
                    created.expiresAt().toString()));
        });
    }

    record NewChallenge(String subject, Long validForSeconds) {
    }

    record ChallengeView(String password, String subject, String expiresAt) {
    }

    private void handle(Context ctx, Optional<String> profile) {
        String operation = Optional.ofNullable(ctx.queryParam("operation")).orElse("");
        switch (operation) {
            case "GetCACaps" -> ctx.contentType("text/plain").result(scep.capabilities());
            case "GetCACert" -> ctx.contentType(CA_RA_CERT).result(scep.caCertificates().bytes());
            case "PKIOperation" -> ctx.contentType(PKI_MESSAGE).result(scep.pkiOperation(profile, message(ctx)).bytes());
            default -> throw new BrevetException(ErrorKind.MALFORMED,
                    "unknown SCEP operation '" + operation + "' (GetCACaps, GetCACert or PKIOperation)");
        }
    }

    private Der message(Context ctx) {
        if (ctx.method().name().equals("POST")) {
            return Der.of(body.bytes(ctx));
        }
        String message = ctx.queryParam("message");
        if (message == null || message.isEmpty()) {
            throw new BrevetException(ErrorKind.MALFORMED, "PKIOperation over GET needs a message parameter");
        }
        try {
            // clients differ in whether they URL-encode '+' and '/'; the MIME decoder also skips line breaks
            return Der.of(Base64.getMimeDecoder().decode(message.replace(' ', '+')));
        } catch (IllegalArgumentException e) {
            throw new BrevetException(ErrorKind.MALFORMED, "the SCEP message is not base64", e);
        }
    }
}
