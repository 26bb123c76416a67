package org.brevet.http;

import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRouting;
import java.util.Optional;
import org.brevet.ca.api.AgentReview;
import org.brevet.ca.api.CertificateRecord;
import org.brevet.ca.api.CertificateRequest;
import org.brevet.ca.api.CertificateSearch;
import org.brevet.ca.api.EnrollmentResult;
import org.brevet.ca.api.RequestId;
import org.brevet.ca.api.RequestQuery;
import org.brevet.ca.api.RequestStatus;

/** Agents review requests: list, show, approve, reject, cancel. A mapped user is required (401 otherwise). */
final class AgentRoutes {
    private static final String BASE = "/ca/rest/agent/certrequests";

    private final AgentReview review;
    private final CertificateSearch certificates;
    private final Callers callers;
    private final RequestBody body;
    private final Json json;

    AgentRoutes(AgentReview review, CertificateSearch certificates, Callers callers, RequestBody body, Json json) {
        this.review = review;
        this.certificates = certificates;
        this.callers = callers;
        this.body = body;
        this.json = json;
    }

    void install(JavalinDefaultRouting r) {
        r.get(BASE, this::list);
        r.get(BASE + "/{id}", this::show);
        r.post(BASE + "/{id}/approve", this::approve);
        r.post(BASE + "/{id}/reject", this::reject);
        r.post(BASE + "/{id}/cancel", this::cancel);
    }

    private void list(Context ctx) {
        var agent = callers.requireUser(ctx);
        Optional<RequestStatus> status = QueryParams.text(ctx, "status").map(RequestStatus::parse);
        json.write(ctx, Views.RequestPage.of(review.list(agent, new RequestQuery(status, QueryParams.page(ctx)))));
    }

    private void show(Context ctx) {
        var agent = callers.requireUser(ctx);
        CertificateRequest request = review.get(agent, id(ctx));
        Optional<CertificateRecord> cert = request.serial().map(certificates::get);
        json.write(ctx, Views.RequestView.forAgent(request, cert));
    }

    private void approve(Context ctx) {
        var agent = callers.requireUser(ctx);
        body.bytes(ctx);
        EnrollmentResult result = review.approve(agent, id(ctx));
        json.write(ctx, Views.RequestView.of(result.request(), result.certificate()));
    }

    private void reject(Context ctx) {
        var agent = callers.requireUser(ctx);
        Bodies.Reason in = json.read(body.bytes(ctx), Bodies.Reason.class);
        json.write(ctx, Views.RequestView.of(review.reject(agent, id(ctx), in.text()), Optional.empty()));
    }

    private void cancel(Context ctx) {
        var agent = callers.requireUser(ctx);
        Bodies.Reason in = json.read(body.bytes(ctx), Bodies.Reason.class);
        json.write(ctx, Views.RequestView.of(review.cancel(agent, id(ctx), in.text()), Optional.empty()));
    }

    private static RequestId id(Context ctx) {
        return RequestId.parse(ctx.pathParam("id"));
    }
}
