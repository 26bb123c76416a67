package org.brevet.http;

import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRouting;
import java.util.Set;
import java.util.stream.Collectors;
import org.brevet.ca.api.Role;
import org.brevet.ca.api.UserAdministration;
import org.brevet.pki.Der;
import org.brevet.pki.Pem;

/** Users, roles and the client certificates that map to them; administrators only. */
final class UserRoutes {
    private static final String BASE = "/ca/rest/admin/users";

    private final UserAdministration users;
    private final Callers callers;
    private final RequestBody body;
    private final Json json;

    UserRoutes(UserAdministration users, Callers callers, RequestBody body, Json json) {
        this.users = users;
        this.callers = callers;
        this.body = body;
        this.json = json;
    }

    void install(JavalinDefaultRouting r) {
        r.get(BASE, this::list);
        r.post(BASE, this::add);
        r.get(BASE + "/{uid}", this::show);
        r.post(BASE + "/{uid}/roles", this::addRole);
        r.post(BASE + "/{uid}/certs", this::addCertificate);
    }

    private void list(Context ctx) {
        var admin = callers.requireUser(ctx);
        json.write(ctx, new Views.UsersView(users.list(admin).stream().map(Views.UserView::of).toList()));
    }

    private void show(Context ctx) {
        var admin = callers.requireUser(ctx);
        json.write(ctx, Views.UserView.of(users.get(admin, ctx.pathParam("uid"))));
    }

    private void add(Context ctx) {
        var admin = callers.requireUser(ctx);
        Bodies.NewUser in = json.read(body.bytes(ctx), Bodies.NewUser.class);
        Set<Role> roles = in.roles().stream().map(Role::parse).collect(Collectors.toSet());
        json.write(ctx, Views.UserView.of(users.add(admin, in.userId(), in.fullName(), roles)));
    }

    private void addRole(Context ctx) {
        var admin = callers.requireUser(ctx);
        Bodies.NewRole in = json.read(body.bytes(ctx), Bodies.NewRole.class);
        json.write(ctx, Views.UserView.of(users.addRole(admin, ctx.pathParam("uid"), Role.parse(in.role()))));
    }

    private void addCertificate(Context ctx) {
        var admin = callers.requireUser(ctx);
        Bodies.NewCertificate in = json.read(body.bytes(ctx), Bodies.NewCertificate.class);
        Der certificate = Pem.decode(in.certificate(), Pem.CERTIFICATE);
        json.write(ctx, Views.UserView.of(users.addCertificate(admin, ctx.pathParam("uid"), certificate)));
    }
}
