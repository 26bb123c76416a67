package org.brevet.http;

import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRouting;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.HexFormat;
import org.brevet.ca.api.OcspAnswer;
import org.brevet.ca.api.OcspResponder;
import org.brevet.pki.Der;

/**
 * The OCSP responder on {@code /ca/ocsp} (Dogtag's) and {@code /ocsp}: POST with the DER request as body,
 * or GET with the base64 request in the path (RFC 6960 appendix A). Every answer is 200 with an
 * OCSPResponse, errors included (malformedRequest, unauthorized, tryLater): OCSP clients read the
 * response status, not the HTTP one.
 */
final class OcspRoutes {
    static final String RESPONSE_TYPE = "application/ocsp-response";
    /** Larger requests are cut here and then refused by the responder as malformed. */
    static final int MAX_REQUEST_BYTES = 10_001;

    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

    private final OcspResponder responder;

    OcspRoutes(OcspResponder responder) {
        this.responder = responder;
    }

    void install(JavalinDefaultRouting r) {
        for (String base : new String[] {"/ca/ocsp", "/ocsp"}) {
            r.post(base, this::post);
            r.get(base + "/<request>", this::get);
        }
    }

    private void post(Context ctx) {
        answer(ctx, body(ctx));
    }

    private void get(Context ctx) {
        // the raw path: base64's '+' must not become a space, as URL form decoding would make it
        String raw = ctx.req().getRequestURI();
        String text = percentDecode(raw.substring(raw.indexOf("/ocsp/") + "/ocsp/".length()));
        byte[] request;
        try {
            request = Base64.getMimeDecoder().decode(text.replace('-', '+').replace('_', '/'));
        } catch (IllegalArgumentException e) {
            request = new byte[0]; // the responder answers malformedRequest
        }
        OcspAnswer answer = responder.answer(request);
        answer.freshness().ifPresent(f -> cacheHeaders(ctx, answer.response(), f));
        ctx.contentType(RESPONSE_TYPE).result(answer.response().bytes());
    }

    private void answer(Context ctx, byte[] request) {
        ctx.contentType(RESPONSE_TYPE).result(responder.respond(request).bytes());
    }

    /**
     * RFC 5019 §6.2's headers for a GET answer HTTP caches may keep: until the responder itself would stop
     * serving it (re-signing happens at half the validity; a status change replaces it at once here, and
     * caches see the new status when their copy expires, as with any OCSP response).
     */
    private static void cacheHeaders(Context ctx, Der response, OcspAnswer.Freshness freshness) {
        long maxAge = Math.max(0, Duration.between(Instant.now(), freshness.freshUntil()).getSeconds());
        ctx.header("Cache-Control", "max-age=" + maxAge + ", public, no-transform, must-revalidate");
        ctx.header("Last-Modified", HTTP_DATE.format(freshness.producedAt()));
        ctx.header("Expires", HTTP_DATE.format(freshness.freshUntil()));
        ctx.header("ETag", "\"" + etag(response) + "\"");
    }

    /** The SHA-256 of the response, in hex: it changes whenever the bytes do. */
    private static String etag(Der response) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(response.bytes()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** Decodes %XX escapes only (RFC 3986), leaving '+' as it is. */
    static String percentDecode(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%' && i + 2 < s.length()) {
                int hi = Character.digit(s.charAt(i + 1), 16);
                int lo = Character.digit(s.charAt(i + 2), 16);
                if (hi >= 0 && lo >= 0) {
                    b.append((char) (hi * 16 + lo));
                    i += 2;
                    continue;
                }
            }
            b.append(c);
        }
        return b.toString();
    }

    private static byte[] body(Context ctx) {
        try (InputStream in = ctx.req().getInputStream()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(512);
            byte[] buffer = new byte[4096];
            for (int n; (n = in.read(buffer)) != -1 && out.size() < MAX_REQUEST_BYTES; ) {
                out.write(buffer, 0, Math.min(n, MAX_REQUEST_BYTES - out.size()));
            }
            return out.toByteArray();
        } catch (IOException e) {
            return new byte[0];
        }
    }
}
