package org.brevet.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.net.ssl.SSLException;
import org.brevet.pki.BrevetException;
import org.brevet.pki.ErrorKind;

/**
 * The Brevet CA's REST API ({@code /ca/rest/}) seen from a client. One {@link HttpClient} per CaClient,
 * so consecutive calls reuse the TLS connection (keep-alive). Every URL is built here.
 *
 * <p>Errors: a 4xx/5xx answer becomes a {@link ServerErrorException} carrying the server's
 * {@code {"error", "detail"}}; a connection, timeout or TLS failure becomes a
 * {@link ServerUnreachableException}; a 2xx answer that is not the expected JSON is a
 * {@link ServerErrorException} with status 502 (the server broke the contract).
 */
final class CaClient {
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);
    private static final String JSON = "application/json";

    private final HttpClient http;
    private final String base;
    private final ObjectMapper json;

    CaClient(HttpClient http, URI base, ObjectMapper json) {
        this.http = http;
        String b = base.toString();
        this.base = b.endsWith("/") ? b.substring(0, b.length() - 1) : b;
        this.json = json;
    }

    /** A client for the settings: TLS context from the credential and trust anchors, HTTP/1.1 keep-alive. */
    static CaClient connect(ConnectionSettings settings, ObjectMapper json, SecureRandom random) {
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .sslContext(ClientTls.context(settings, random))
                .sslParameters(ClientTls.parameters())
                .connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        return new CaClient(http, settings.url(), json);
    }

    // --- end-entity

    CertRequestInfo submit(String profileId, String csrPem) {
        ObjectNode body = json.createObjectNode().put("profileId", profileId).put("csr", csrPem);
        return send(post("/ca/rest/certrequests", body), CertRequestInfo.class);
    }

    CertRequestInfo request(String id) {
        return send(get("/ca/rest/certrequests/" + segment(id)), CertRequestInfo.class);
    }

    ProfileList enrollmentProfiles() {
        return send(get("/ca/rest/certrequests/profiles"), ProfileList.class);
    }

    // --- agent

    RequestPage agentRequests(Optional<String> status, int start, int size) {
        Map<String, String> q = new LinkedHashMap<>();
        status.ifPresent(s -> q.put("status", s));
        q.put("start", Integer.toString(start));
        q.put("size", Integer.toString(size));
        return send(get("/ca/rest/agent/certrequests" + query(q)), RequestPage.class);
    }

    CertRequestInfo agentRequest(String id) {
        return send(get("/ca/rest/agent/certrequests/" + segment(id)), CertRequestInfo.class);
    }

    CertRequestInfo approve(String id) {
        return send(post("/ca/rest/agent/certrequests/" + segment(id) + "/approve", json.createObjectNode()),
                CertRequestInfo.class);
    }

    CertRequestInfo reject(String id, Optional<String> reason) {
        return send(post("/ca/rest/agent/certrequests/" + segment(id) + "/reject", reasonBody(reason)),
                CertRequestInfo.class);
    }

    CertRequestInfo cancel(String id, Optional<String> reason) {
        return send(post("/ca/rest/agent/certrequests/" + segment(id) + "/cancel", reasonBody(reason)),
                CertRequestInfo.class);
    }

    // --- certificates

    CertificatePage findCertificates(CertQuery query) {
        Map<String, String> q = new LinkedHashMap<>();
        query.subject().ifPresent(s -> q.put("subject", s));
        query.status().ifPresent(s -> q.put("status", s));
        query.expiresBefore().ifPresent(s -> q.put("expiresBefore", s));
        q.put("start", Integer.toString(query.start()));
        q.put("size", Integer.toString(query.size()));
        return send(get("/ca/rest/certs" + query(q)), CertificatePage.class);
    }

    CertificateInfo certificate(String serial) {
        return send(get("/ca/rest/certs/" + segment(serial)), CertificateInfo.class);
    }

    /** The CA's PEM chain, CA certificate first. */
    String caCertificates() {
        return text(get("/ca/rest/cacert"));
    }

    // --- profiles

    ProfileList profiles() {
        return send(get("/ca/rest/profiles"), ProfileList.class);
    }

    ProfileDetails profile(String id) {
        return send(get("/ca/rest/profiles/" + segment(id)), ProfileDetails.class);
    }

    /** Adds a profile from its definition text; the answer is returned as the server sent it. */
    JsonNode addProfile(String definition, String contentType) {
        return send(raw("POST", "/ca/rest/profiles", definition, contentType), JsonNode.class);
    }

    JsonNode modifyProfile(String id, String definition, String contentType) {
        return send(raw("PUT", "/ca/rest/profiles/" + segment(id), definition, contentType), JsonNode.class);
    }

    JsonNode enableProfile(String id) {
        return send(post("/ca/rest/profiles/" + segment(id) + "/enable", json.createObjectNode()), JsonNode.class);
    }

    JsonNode disableProfile(String id) {
        return send(post("/ca/rest/profiles/" + segment(id) + "/disable", json.createObjectNode()), JsonNode.class);
    }

    // --- users

    UserList users() {
        return send(get("/ca/rest/admin/users"), UserList.class);
    }

    UserInfo user(String uid) {
        return send(get("/ca/rest/admin/users/" + segment(uid)), UserInfo.class);
    }

    UserInfo addUser(String uid, Optional<String> fullName, List<String> roles) {
        ObjectNode body = json.createObjectNode().put("userId", uid);
        fullName.ifPresent(n -> body.put("fullName", n));
        roles.forEach(body.putArray("roles")::add);
        return send(post("/ca/rest/admin/users", body), UserInfo.class);
    }

    UserInfo addUserCertificate(String uid, String certificatePem) {
        ObjectNode body = json.createObjectNode().put("certificate", certificatePem);
        return send(post("/ca/rest/admin/users/" + segment(uid) + "/certs", body), UserInfo.class);
    }

    // --- plumbing

    private ObjectNode reasonBody(Optional<String> reason) {
        ObjectNode body = json.createObjectNode();
        reason.ifPresent(r -> body.put("reason", r));
        return body;
    }

    private HttpRequest get(String path) {
        return builder(path).header("Accept", JSON).GET().build();
    }

    private HttpRequest post(String path, JsonNode body) {
        try {
            return raw("POST", path, json.writeValueAsString(body), JSON);
        } catch (JsonProcessingException e) {
            throw new BrevetException(ErrorKind.INTERNAL, "cannot encode the request: " + e.getOriginalMessage(), e);
        }
    }

    private HttpRequest raw(String method, String path, String body, String contentType) {
        return builder(path).header("Accept", JSON).header("Content-Type", contentType)
                .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
    }

    private HttpRequest.Builder builder(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(REQUEST_TIMEOUT);
    }

    private <T> T send(HttpRequest request, Class<T> type) {
        String body = text(request);
        try {
            return json.readValue(body, type);
        } catch (JsonProcessingException e) {
            throw new ServerErrorException(502, "", "the server's answer to " + request.method() + " "
                    + request.uri().getPath() + " is not the expected JSON: " + e.getOriginalMessage());
        }
    }

    /** Sends the request; returns the body of a 2xx answer, throws for anything else. */
    private String text(HttpRequest request) {
        HttpResponse<String> response = exchange(request);
        if (response.statusCode() / 100 == 2) {
            return response.body();
        }
        throw refusal(request, response);
    }

    private HttpResponse<String> exchange(HttpRequest request) {
        String where = request.uri().getHost() + ":" + port(request.uri());
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpConnectTimeoutException e) {
            throw new ServerUnreachableException("cannot connect to " + where + ": timed out", e);
        } catch (HttpTimeoutException e) {
            throw new ServerUnreachableException("no answer from " + where + " within " + REQUEST_TIMEOUT.toSeconds() + " s", e);
        } catch (ConnectException e) {
            throw new ServerUnreachableException("cannot connect to " + where + ": connection refused", e);
        } catch (IOException e) {
            Optional<SSLException> tls = find(e, SSLException.class);
            if (tls.isPresent()) {
                throw new ServerUnreachableException("TLS with " + where + " failed: " + message(tls.get()), e);
            }
            throw new ServerUnreachableException("cannot reach " + where + ": " + message(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServerUnreachableException("interrupted while talking to " + where, e);
        }
    }

    private ServerErrorException refusal(HttpRequest request, HttpResponse<String> response) {
        int status = response.statusCode();
        try {
            JsonNode doc = json.readTree(response.body());
            if (doc != null && doc.hasNonNull("detail")) {
                return new ServerErrorException(status, doc.path("error").asText(""), doc.get("detail").asText());
            }
        } catch (JsonProcessingException e) {
            // not an error document: described below by its status
        }
        return new ServerErrorException(status, "", "HTTP " + status + " for " + request.method() + " "
                + request.uri().getPath() + " (no error detail from the server)");
    }

    private static int port(URI uri) {
        return uri.getPort() < 0 ? 443 : uri.getPort();
    }

    private static <E extends Throwable> Optional<E> find(Throwable t, Class<E> type) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (type.isInstance(c)) {
                return Optional.of(type.cast(c));
            }
        }
        return Optional.empty();
    }

    private static String message(Throwable t) {
        String m = t.getMessage();
        return m == null || m.isBlank() ? t.getClass().getSimpleName() : m.replaceAll("\\s+", " ");
    }

    /** One path segment, percent-encoded (a user id may hold any character). */
    static String segment(String value) {
        if (value.isEmpty()) {
            throw new BrevetException(ErrorKind.MALFORMED, "an empty identifier is not allowed");
        }
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String query(Map<String, String> params) {
        if (params.isEmpty()) {
            return "";
        }
        return params.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&", "?", ""));
    }
}
