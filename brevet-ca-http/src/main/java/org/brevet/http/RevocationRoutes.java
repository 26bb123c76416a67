package org.brevet.http;

import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRouting;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.brevet.ca.api.Caller;
import org.brevet.ca.api.CrlDistribution;
import org.brevet.ca.api.Requester;
import org.brevet.ca.api.Revocation;
import org.brevet.ca.api.RevocationRecord;
import org.brevet.ca.api.RevocationRequest;
import org.brevet.pki.BrevetException;
import org.brevet.pki.RevocationReason;
import org.brevet.pki.SerialNumber;

/**
 * Revocation: agents revoke, hold and release ({@code /ca/rest/agent/certs/{serial}/revoke|unrevoke});
 * a holder revokes its own certificate on the end-entity path, proving it with the TLS client
 * certificate; agents regenerate the CRL on demand.
 */
final class RevocationRoutes {
    private final Revocation revocation;
    private final CrlDistribution crls;
    private final Callers callers;
    private final RequestBody body;
    private final Json json;

    RevocationRoutes(Revocation revocation, CrlDistribution crls, Callers callers, RequestBody body, Json json) {
        this.revocation = revocation;
        this.crls = crls;
        this.callers = callers;
        this.body = body;
        this.json = json;
    }

    void install(JavalinDefaultRouting r) {
        r.post("/ca/rest/agent/certs/{serial}/revoke", ctx -> revoke(ctx, callers.requireUser(ctx)));
        r.post("/ca/rest/certs/{serial}/revoke", ctx -> revoke(ctx, callers.identify(ctx)));
        r.post("/ca/rest/agent/certs/{serial}/unrevoke", this::unrevoke);
        r.post("/ca/rest/agent/crls/{issuingPoint}/update", this::updateCrl);
    }

    private void revoke(Context ctx, Caller caller) {
        SerialNumber serial = SerialNumber.parse(ctx.pathParam("serial"));
        Revoke in = json.read(body.bytes(ctx), Revoke.class);
        RevocationRecord record = revocation.revoke(Requester.of(caller, ClientCertificate.of(ctx)),
                new RevocationRequest(serial, in.parsedReason(), in.parsedInvalidityDate(), Optional.ofNullable(in.comment())));
        json.write(ctx, RevocationView.of(record));
    }

    private void unrevoke(Context ctx) {
        Caller agent = callers.requireUser(ctx);
        SerialNumber serial = SerialNumber.parse(ctx.pathParam("serial"));
        Comment in = json.read(body.bytes(ctx), Comment.class);
        revocation.releaseHold(agent, serial, Optional.ofNullable(in.comment()));
        json.write(ctx, RevocationView.valid(serial));
    }

    /** {@code ?wait=false}: 202 once the CRL is asked for (queued for the CRL master on a clone), not generated. */
    private void updateCrl(Context ctx) {
        Caller agent = callers.requireUser(ctx);
        body.bytes(ctx);
        String point = ctx.pathParam("issuingPoint");
        if ("false".equals(ctx.queryParam("wait"))) {
            crls.requestUpdate(agent, point);
            ctx.status(202);
            json.write(ctx, new UpdateRequested(point, "requested"));
            return;
        }
        json.write(ctx, CrlView.of(crls.update(agent, point)));
    }

    /** The answer to an update asked for without waiting. */
    record UpdateRequested(String issuingPoint, String status) {
    }

    /** {@code {"reason": "keyCompromise", "invalidityDate": "2026-11-23T20:00:00Z", "comment": "..."}}. */
    record Revoke(String reason, String invalidityDate, String comment) {
        RevocationReason parsedReason() {
            if (reason == null || reason.isBlank()) {
                throw BrevetException.malformed("reason: required", null);
            }
            return RevocationReason.parse(reason);
        }

        Optional<Instant> parsedInvalidityDate() {
            if (invalidityDate == null || invalidityDate.isBlank()) {
                return Optional.empty();
            }
            try {
                return Optional.of(Instant.parse(invalidityDate.trim()));
            } catch (DateTimeParseException e) {
                throw BrevetException.malformed("invalidityDate: '" + invalidityDate
                        + "' is not an ISO-8601 instant (2026-11-23T20:00:00Z)", e);
            }
        }
    }

    record Comment(String comment) {
    }

    /** A certificate's revocation status: REVOKED or ON_HOLD with the details, or VALID after a release. */
    record RevocationView(String serial, String status, String reason, String revokedAt, String invalidityDate,
            String revokedBy, String comment) {
        static RevocationView of(RevocationRecord r) {
            return new RevocationView(r.serial().toString(), r.onHold() ? "ON_HOLD" : "REVOKED", r.reason().rfcName(),
                    r.revokedAt().toString(), r.invalidityDate().map(Instant::toString).orElse(null), r.revokedBy(),
                    r.comment().orElse(null));
        }

        static RevocationView valid(SerialNumber serial) {
            return new RevocationView(serial.toString(), "VALID", null, null, null, null, null);
        }
    }

    /** A generated CRL (numbers as decimal strings: CRL numbers may exceed JSON's safe integers). */
    record CrlView(String issuingPoint, String kind, String number, String baseNumber, String thisUpdate,
            String nextUpdate, long entries, long length) {
        static CrlView of(org.brevet.ca.api.CrlInfo i) {
            return new CrlView(i.issuingPoint(), i.kind().name(), i.number().toString(),
                    i.baseNumber().map(Object::toString).orElse(null), i.thisUpdate().toString(), i.nextUpdate().toString(),
                    i.entries(), i.length());
        }
    }
}
