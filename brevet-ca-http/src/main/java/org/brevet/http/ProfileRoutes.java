package org.brevet.http;

import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRouting;
import org.brevet.ca.api.ProfileAdministration;

/**
 * Profile administration. Every path needs a mapped user; the use case decides which roles may do what
 * (read: any role; add and modify: administrator; enable and disable: agent or administrator). A new or
 * modified profile is sent as the raw definition text (YAML or JSON), not wrapped in JSON.
 */
final class ProfileRoutes {
    private static final String BASE = "/ca/rest/profiles";

    private final ProfileAdministration profiles;
    private final Callers callers;
    private final RequestBody body;
    private final Json json;

    ProfileRoutes(ProfileAdministration profiles, Callers callers, RequestBody body, Json json) {
        this.profiles = profiles;
        this.callers = callers;
        this.body = body;
        this.json = json;
    }

    void install(JavalinDefaultRouting r) {
        r.get(BASE, this::list);
        r.post(BASE, this::add);
        r.get(BASE + "/{id}", this::show);
        r.put(BASE + "/{id}", this::modify);
        r.post(BASE + "/{id}/enable", this::enable);
        r.post(BASE + "/{id}/disable", this::disable);
    }

    private void list(Context ctx) {
        json.write(ctx, new Views.ProfilesView(profiles.list(callers.requireUser(ctx))));
    }

    private void show(Context ctx) {
        json.write(ctx, Views.ProfileView.of(profiles.show(callers.requireUser(ctx), ctx.pathParam("id"))));
    }

    private void add(Context ctx) {
        var admin = callers.requireUser(ctx);
        json.write(ctx, Views.ProfileView.of(profiles.add(admin, body.text(ctx))));
    }

    private void modify(Context ctx) {
        var admin = callers.requireUser(ctx);
        json.write(ctx, Views.ProfileView.of(profiles.modify(admin, ctx.pathParam("id"), body.text(ctx))));
    }

    private void enable(Context ctx) {
        json.write(ctx, Views.ProfileView.of(profiles.enable(callers.requireUser(ctx), ctx.pathParam("id"))));
    }

    private void disable(Context ctx) {
        json.write(ctx, Views.ProfileView.of(profiles.disable(callers.requireUser(ctx), ctx.pathParam("id"))));
    }
}
