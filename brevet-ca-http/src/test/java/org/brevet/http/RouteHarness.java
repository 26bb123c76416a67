package org.brevet.http;

import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Map;
import java.util.function.BiConsumer;
import org.eclipse.jetty.server.HttpConfiguration;

/**
 * A real Javalin on 127.0.0.1 and an ephemeral port, configured by {@link HttpApi} over the fake
 * authority. TLS is not part of these tests (the server module tests it end to end): a Jetty customizer
 * plays the part of Jetty's SecureRequestCustomizer and sets the client-certificate attribute from the
 * test-only header {@code X-Test-Client} (agent, admin, auditor, stranger).
 */
final class RouteHarness implements AutoCloseable {
    static final String CLIENT_HEADER = "X-Test-Client";

    final FakeAuthority authority = new FakeAuthority();
    private final Javalin app;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private RouteHarness(BiConsumer<HttpApi, JavalinConfig> routes) {
        this(routes, null);
    }

    private RouteHarness(BiConsumer<HttpApi, JavalinConfig> routes, StatusServices status) {
        this(routes, status, null);
    }

    private RouteHarness(BiConsumer<HttpApi, JavalinConfig> routes, StatusServices status, org.brevet.ca.api.Scep scep) {
        Map<String, X509Certificate> certs = Map.of("agent", authority.agentCert, "admin", authority.adminCert,
                "auditor", authority.auditorCert, "stranger", authority.strangerCert);
        HttpApi plain = status == null ? new HttpApi(authority.services(), authority.clock)
                : new HttpApi(authority.services(), status, authority.clock);
        HttpApi api = scep == null ? plain : plain.withScep(scep);
        app = Javalin.create(config -> {
            routes.accept(api, config);
            config.jetty.modifyHttpConfiguration(http -> http.addCustomizer(clientCertificate(certs)));
        }).start("127.0.0.1", 0);
    }

    static RouteHarness secure() {
        return new RouteHarness(HttpApi::configureSecure);
    }

    static RouteHarness publicOnly() {
        return new RouteHarness(HttpApi::configurePublic);
    }

    static RouteHarness secure(org.brevet.ca.api.Scep scep) {
        return new RouteHarness(HttpApi::configureSecure, null, scep);
    }

    static RouteHarness publicOnly(org.brevet.ca.api.Scep scep) {
        return new RouteHarness(HttpApi::configurePublic, null, scep);
    }

    static RouteHarness secure(StatusServices status) {
        return new RouteHarness(HttpApi::configureSecure, status);
    }

    static RouteHarness publicOnly(StatusServices status) {
        return new RouteHarness(HttpApi::configurePublic, status);
    }

    private static HttpConfiguration.Customizer clientCertificate(Map<String, X509Certificate> certs) {
        return (connector, config, request) -> {
            String who = request.getHeader(CLIENT_HEADER);
            if (who != null && certs.containsKey(who)) {
                request.setAttribute(ClientCertificate.ATTRIBUTE, new X509Certificate[] {certs.get(who)});
            }
        };
    }

    int port() {
        return app.port();
    }

    HttpResponse<String> get(String path, String as) throws IOException, InterruptedException {
        return send(request(path, as).GET().build());
    }

    HttpResponse<byte[]> getBytes(String path) throws IOException, InterruptedException {
        return client.send(request(path, null).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    HttpResponse<String> post(String path, String as, String body) throws IOException, InterruptedException {
        return send(request(path, as).POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    HttpResponse<String> put(String path, String as, String body) throws IOException, InterruptedException {
        return send(request(path, as).PUT(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> body) throws IOException, InterruptedException {
        return client.send(request, body);
    }

    HttpRequest.Builder request(String path, String as) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port() + path))
                .timeout(Duration.ofSeconds(10));
        if (as != null) {
            b.header(CLIENT_HEADER, as);
        }
        return b;
    }

    @Override
    public void close() {
        app.stop();
    }
}
