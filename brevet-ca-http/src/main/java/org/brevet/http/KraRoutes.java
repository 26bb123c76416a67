package org.brevet.http;

import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRouting;
import java.util.Optional;
import org.brevet.ca.api.ArchivedKeyId;
import org.brevet.ca.api.Caller;
import org.brevet.ca.api.KeyRequestId;
import org.brevet.ca.api.RecoveryRequest;
import org.brevet.pki.BrevetException;
import org.brevet.pki.Der;
import org.brevet.pki.Pem;
import org.brevet.pki.Secret;
import org.brevet.pki.SerialNumber;

/**
 * The KRA's REST resources (Dogtag's /kra/rest): the transport certificate (public, also at the CA's
 * /ca/rest/config/cert/transport), archived keys and recovery requests (agents, by TLS client certificate).
 * The transport certificate is JSON (Dogtag's CertData) unless the client asks for
 * {@code application/x-pem-file} (PEM) or {@code application/pkix-cert} (DER).
 */
final class KraRoutes {
    private static final int DEFAULT_MAX_RESULTS = 100;

    private final KraServices kra;
    private final Callers callers;
    private final RequestBody body;
    private final Json json;

    KraRoutes(KraServices kra, Callers callers, RequestBody body, Json json) {
        this.kra = kra;
        this.callers = callers;
        this.body = body;
        this.json = json;
    }

    /** The transport certificate, on both listeners. */
    void installPublic(JavalinDefaultRouting r) {
        r.get("/ca/rest/config/cert/transport", ctx -> certificate(ctx, kra.caTransportCertificate().get()
                .orElseThrow(() -> BrevetException.notFound("this CA has no KRA transport certificate (brevet kra init)"))));
        r.get("/kra/rest/config/cert/transport", ctx -> certificate(ctx, kra.kraTransportCertificate()));
    }

    /** Keys and key requests, for agents (HTTPS only). */
    void installAgent(JavalinDefaultRouting r) {
        r.get(KraViews.KEYS, this::findKeys);
        r.post(KraViews.KEYS + "/retrieve", this::retrieve);
        r.get(KraViews.KEYS + "/{id}", this::showKey);
        r.get(KraViews.KEY_REQUESTS, this::findRequests);
        r.post(KraViews.KEY_REQUESTS, this::requestRecovery);
        r.get(KraViews.KEY_REQUESTS + "/{id}", this::showRequest);
        r.post(KraViews.KEY_REQUESTS + "/{id}/approve", this::approve);
    }

    private void certificate(Context ctx, Der der) {
        String accept = Optional.ofNullable(ctx.header("Accept")).orElse("");
        if (accept.contains(CaCertificateRoutes.PEM_TYPE)) {
            ctx.contentType(CaCertificateRoutes.PEM_TYPE).result(Pem.encode(Pem.CERTIFICATE, der));
        } else if (accept.contains(CaCertificateRoutes.DER_TYPE)) {
            ctx.contentType(CaCertificateRoutes.DER_TYPE).result(der.bytes());
        } else {
            json.write(ctx, KraViews.CertData.of(der));
        }
    }

    private void findKeys(Context ctx) {
        Caller agent = callers.requireUser(ctx);
        json.write(ctx, KraViews.KeyInfoCollection.of(kra.recovery().findKeys(agent,
                QueryParams.text(ctx, "owner").or(() -> QueryParams.text(ctx, "ownerName")), maxResults(ctx))));
    }

    private void showKey(Context ctx) {
        Caller agent = callers.requireUser(ctx);
        json.write(ctx, KraViews.KeyInfo.of(kra.recovery().key(agent, ArchivedKeyId.parse(ctx.pathParam("id")))));
    }

    private void findRequests(Context ctx) {
        Caller agent = callers.requireUser(ctx);
        Optional<RecoveryRequest.Status> state = QueryParams.text(ctx, "requestState").map(RecoveryRequest.Status::parse);
        json.write(ctx, KraViews.KeyRequestInfoCollection.of(kra.recovery().requests(agent, state, maxResults(ctx))));
    }

    private void showRequest(Context ctx) {
        Caller agent = callers.requireUser(ctx);
        json.write(ctx, KraViews.KeyRequestInfo.of(kra.recovery().request(agent, KeyRequestId.parse(ctx.pathParam("id")))));
    }

    private void requestRecovery(Context ctx) {
        Caller agent = callers.requireUser(ctx);
        KraViews.RecoveryBody in = json.read(body.bytes(ctx), KraViews.RecoveryBody.class);
        if (in.requestType() != null && !in.requestType().equals("securityDataRecovery")) {
            throw BrevetException.malformed("requestType: only securityDataRecovery is supported", null);
        }
        RecoveryRequest request;
        if (in.keyId() != null && in.certSerial() == null) {
            request = kra.recovery().requestRecovery(agent, ArchivedKeyId.parse(in.keyId()));
        } else if (in.certSerial() != null && in.keyId() == null) {
            request = kra.recovery().requestRecovery(agent, SerialNumber.parse(in.certSerial()));
        } else {
            throw BrevetException.malformed("give exactly one of keyId and certSerial", null);
        }
        ctx.status(201);
        json.write(ctx, KraViews.KeyRequestInfo.of(request));
    }

    private void approve(Context ctx) {
        Caller agent = callers.requireUser(ctx);
        body.bytes(ctx);
        json.write(ctx, KraViews.KeyRequestInfo.of(kra.recovery().approve(agent, KeyRequestId.parse(ctx.pathParam("id")))));
    }

    private void retrieve(Context ctx) {
        Caller agent = callers.requireUser(ctx);
        KraViews.RetrieveBody in = json.read(body.bytes(ctx), KraViews.RetrieveBody.class);
        if (in.requestId() == null || in.passphrase() == null || in.passphrase().isEmpty()) {
            throw BrevetException.malformed("requestId and passphrase: required", null);
        }
        KeyRequestId id = KeyRequestId.parse(in.requestId());
        Der p12 = kra.recovery().retrieve(agent, id, Secret.of(in.passphrase()));
        json.write(ctx, new KraViews.KeyData(id.toString(), p12.toBase64()));
    }

    private static int maxResults(Context ctx) {
        return QueryParams.text(ctx, "maxResults").map(v -> {
            try {
                return Integer.parseInt(v);
            } catch (NumberFormatException e) {
                throw BrevetException.malformed("maxResults: not a number: '" + v + "'", e);
            }
        }).orElse(DEFAULT_MAX_RESULTS);
    }
}
