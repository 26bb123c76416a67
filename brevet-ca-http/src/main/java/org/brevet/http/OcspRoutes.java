package org.brevet.http;

import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRouting;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Base64;
import org.brevet.ca.api.OcspResponder;

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
        answer(ctx, request);
    }

    private void answer(Context ctx, byte[] request) {
        ctx.contentType(RESPONSE_TYPE).result(responder.respond(request).bytes());
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
