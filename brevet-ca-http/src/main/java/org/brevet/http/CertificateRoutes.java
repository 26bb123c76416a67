package org.brevet.http;

import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRouting;
import java.time.Clock;
import java.time.Instant;
import org.brevet.ca.api.CertificateQuery;
import org.brevet.ca.api.CertificateSearch;
import org.brevet.ca.api.CertificateStatus;
import org.brevet.pki.SerialNumber;

/** Public search over issued certificates. */
final class CertificateRoutes {
    private final CertificateSearch certificates;
    private final Clock clock;
    private final Json json;

    CertificateRoutes(CertificateSearch certificates, Clock clock, Json json) {
        this.certificates = certificates;
        this.clock = clock;
        this.json = json;
    }

    void install(JavalinDefaultRouting r) {
        r.get("/ca/rest/certs", this::search);
        r.get("/ca/rest/certs/{serial}", this::show);
    }

    private void search(Context ctx) {
        Instant now = clock.instant();
        CertificateQuery query = new CertificateQuery(
                QueryParams.text(ctx, "subject"),
                QueryParams.text(ctx, "status").map(CertificateStatus::parse),
                QueryParams.instant(ctx, "expiresBefore"),
                now,
                QueryParams.page(ctx));
        json.write(ctx, Views.CertificatePage.of(certificates.search(query), now));
    }

    private void show(Context ctx) {
        SerialNumber serial = SerialNumber.parse(ctx.pathParam("serial"));
        json.write(ctx, Views.CertificateView.details(certificates.get(serial), clock.instant()));
    }
}
