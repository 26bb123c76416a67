package org.brevet.http;

import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRouting;
import java.nio.charset.StandardCharsets;
import org.brevet.ca.api.Caller;
import org.brevet.ca.api.Enrollment;
import org.brevet.ca.api.EnrollmentRequest;
import org.brevet.ca.api.EnrollmentResult;
import org.brevet.ca.api.RequestId;
import org.brevet.pki.Der;

/** End-entity enrollment: submit a CSR, poll a request, list the enrollable profiles. */
final class EnrollmentRoutes {
    private final Enrollment enrollment;
    private final Callers callers;
    private final RequestBody body;
    private final Json json;

    EnrollmentRoutes(Enrollment enrollment, Callers callers, RequestBody body, Json json) {
        this.enrollment = enrollment;
        this.callers = callers;
        this.body = body;
        this.json = json;
    }

    void install(JavalinDefaultRouting r) {
        r.post("/ca/rest/certrequests", this::submit);
        r.get("/ca/rest/certrequests/profiles", this::profiles);
        r.get("/ca/rest/certrequests/{id}", this::status);
    }

    private void submit(Context ctx) {
        Bodies.Enroll in = json.read(body.bytes(ctx), Bodies.Enroll.class);
        Caller caller = callers.identify(ctx);
        EnrollmentResult result = enrollment.submit(caller,
                new EnrollmentRequest(in.profileId(), Der.of(in.csr().getBytes(StandardCharsets.UTF_8))));
        json.write(ctx, Views.RequestView.of(result.request(), result.certificate()));
    }

    private void status(Context ctx) {
        EnrollmentResult result = enrollment.status(RequestId.parse(ctx.pathParam("id")));
        json.write(ctx, Views.RequestView.of(result.request(), result.certificate()));
    }

    private void profiles(Context ctx) {
        json.write(ctx, new Views.ProfilesView(enrollment.enrollableProfiles()));
    }
}
