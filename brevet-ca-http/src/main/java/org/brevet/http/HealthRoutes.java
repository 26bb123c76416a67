package org.brevet.http;

import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRouting;
import org.brevet.ca.api.store.StoreHealth;
import org.brevet.pki.BrevetException;

/** Readiness: 200 when the store answers, 503 with the reason otherwise (load balancers and the bench poll it). */
final class HealthRoutes {
    private final StoreHealth health;
    private final Json json;

    HealthRoutes(StoreHealth health, Json json) {
        this.health = health;
        this.json = json;
    }

    void install(JavalinDefaultRouting r) {
        r.get("/health", this::health);
    }

    private void health(Context ctx) {
        try {
            health.check();
            json.write(ctx, new Views.HealthView("ready", null));
        } catch (BrevetException e) {
            ctx.status(503);
            json.write(ctx, new Views.HealthView("unavailable", e.detail()));
        }
    }
}
