package org.brevet.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.net.ssl.SSLException;
import org.brevet.pki.BrevetException;
import org.brevet.pki.ErrorKind;

/**
 * JSON over HTTPS to one server. One {@link HttpClient}, so consecutive calls reuse the TLS connection
 * (keep-alive).
 *
 * <p>Errors: a 4xx/5xx answer becomes a {@link ServerErrorException} carrying the server's
 * {@code {"error", "detail"}}; a connection, timeout or TLS failure becomes a
 * {@link ServerUnreachableException}; a 2xx answer that is not the expected JSON is a
 * {@link ServerErrorException} with status 502 (the server broke the contract).
 */
final class RestTransport {
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);
    private static final String JSON = "application/json";

    private final HttpClient http;
    private final String base;
    private final ObjectMapper json;

    RestTransport(HttpClient http, URI base, ObjectMapper json) {
        this.http = http;
        String b = base.toString();
        this.base = b.endsWith("/") ? b.substring(0, b.length() - 1) : b;
        this.json = json;
    }

    /** TLS context from the settings' credential and trust anchors; HTTP/1.1; no redirects. */
    static RestTransport connect(ConnectionSettings settings, ObjectMapper json, SecureRandom random) {
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .sslContext(ClientTls.context(settings, random))
                .sslParameters(ClientTls.parameters())
                .connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        return new RestTransport(http, settings.url(), json);
    }

    <T> T get(String path, Class<T> type) {
        return decode(builder(path).header("Accept", JSON).GET().build(), type);
    }

    <T> T post(String path, JsonNode body, Class<T> type) {
        try {
            return send("POST", path, json.writeValueAsString(body), JSON, type);
        } catch (JsonProcessingException e) {
            throw new BrevetException(ErrorKind.INTERNAL, "cannot encode the request: " + e.getOriginalMessage(), e);
        }
    }

    /** Sends a body as it is (a profile definition), with its content type. */
    <T> T send(String method, String path, String body, String contentType, Class<T> type) {
        return decode(builder(path).header("Accept", JSON).header("Content-Type", contentType)
                .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(), type);
    }

    /** A GET whose answer is text, not JSON (the CA's PEM chain). */
    String text(String path) {
        return body(builder(path).GET().build());
    }

    private HttpRequest.Builder builder(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(REQUEST_TIMEOUT);
    }

    private <T> T decode(HttpRequest request, Class<T> type) {
        String body = body(request);
        try {
            return json.readValue(body, type);
        } catch (JsonProcessingException e) {
            throw new ServerErrorException(502, "", "the server's answer to " + request.method() + " "
                    + request.uri().getPath() + " is not the expected JSON: " + e.getOriginalMessage());
        }
    }

    /** Sends the request; returns the body of a 2xx answer, throws for anything else. */
    private String body(HttpRequest request) {
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

    static String query(Map<String, String> params) {
        if (params.isEmpty()) {
            return "";
        }
        return params.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&", "?", ""));
    }
}
