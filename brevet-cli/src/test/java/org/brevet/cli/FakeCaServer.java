package org.brevet.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsExchange;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.TrustManagerFactory;

/**
 * A stand-in for the Brevet CA's REST API in tests: the JDK's HTTPS server on 127.0.0.1 and an ephemeral
 * port, TLS 1.2/1.3, client certificate wanted (trusted if issued by the test CA). Each route answers
 * with scripted replies (the last one repeats); every request is recorded with its body and the client
 * certificate's subject, so tests assert on the bytes the CLI sent.
 */
final class FakeCaServer implements AutoCloseable {
    /** One scripted answer. */
    record Reply(int status, String contentType, String body) {
        static Reply json(int status, String body) {
            return new Reply(status, "application/json", body);
        }

        static Reply error(int status, String kind, String detail) {
            return json(status, "{\"error\":\"" + kind + "\",\"detail\":\"" + detail + "\"}");
        }
    }

    /** One request as the server received it. */
    record Recorded(String method, String path, String query, Map<String, List<String>> headers, String body,
            Optional<String> clientSubject, int clientPort, String tlsProtocol) {
        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    private final HttpsServer server;
    private final Map<String, Deque<Reply>> routes = new HashMap<>();
    private final List<Recorded> recorded = new ArrayList<>();

    private FakeCaServer(HttpsServer server) {
        this.server = server;
    }

    static FakeCaServer start(Path serverP12, String password, Path trustedCa) throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = java.nio.file.Files.newInputStream(serverP12)) {
            ks.load(in, password.toCharArray());
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, password.toCharArray());
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        try (InputStream in = java.nio.file.Files.newInputStream(trustedCa)) {
            trust.setCertificateEntry("ca", java.security.cert.CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);

        HttpsServer https = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        https.setHttpsConfigurator(new HttpsConfigurator(ctx) {
            @Override
            public void configure(HttpsParameters params) {
                SSLParameters p = ctx.getDefaultSSLParameters();
                p.setProtocols(new String[] {"TLSv1.3", "TLSv1.2"});
                p.setWantClientAuth(true);
                params.setSSLParameters(p);
            }
        });
        FakeCaServer fake = new FakeCaServer(https);
        https.createContext("/", fake::handle);
        https.start();
        return fake;
    }

    int port() {
        return server.getAddress().getPort();
    }

    URI url(String host) {
        return URI.create("https://" + host + ":" + port());
    }

    /** Scripts the replies of a route, e.g. {@code on("GET /ca/rest/certs", ...)}; the last reply repeats. */
    synchronized FakeCaServer on(String methodAndPath, Reply... replies) {
        routes.put(methodAndPath, new ArrayDeque<>(List.of(replies)));
        return this;
    }

    synchronized List<Recorded> requests() {
        return List.copyOf(recorded);
    }

    synchronized Recorded only() {
        if (recorded.size() != 1) {
            throw new AssertionError("expected exactly one request, got " + recorded);
        }
        return recorded.get(0);
    }

    private void handle(HttpExchange ex) throws IOException {
        byte[] body = ex.getRequestBody().readAllBytes();
        Optional<String> subject = Optional.empty();
        try {
            subject = Optional.of(((X509Certificate) ((HttpsExchange) ex).getSSLSession().getPeerCertificates()[0])
                    .getSubjectX500Principal().getName());
        } catch (SSLPeerUnverifiedException anonymous) {
            // no client certificate: an anonymous caller
        }
        URI uri = ex.getRequestURI();
        Reply reply;
        synchronized (this) {
            recorded.add(new Recorded(ex.getRequestMethod(), uri.getRawPath(), uri.getRawQuery(),
                    Map.copyOf(ex.getRequestHeaders()), new String(body, StandardCharsets.UTF_8), subject,
                    ex.getRemoteAddress().getPort(), ((HttpsExchange) ex).getSSLSession().getProtocol()));
            Deque<Reply> replies = routes.get(ex.getRequestMethod() + " " + uri.getRawPath());
            reply = replies == null ? Reply.error(404, "not_found", "no such resource")
                    : replies.size() > 1 ? replies.poll() : replies.peek();
        }
        byte[] out = reply.body().getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", reply.contentType());
        ex.sendResponseHeaders(reply.status(), out.length == 0 ? -1 : out.length);
        if (out.length > 0) {
            ex.getResponseBody().write(out);
        }
        ex.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
