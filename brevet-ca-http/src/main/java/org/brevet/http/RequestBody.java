package org.brevet.http;

import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.brevet.pki.BrevetException;

/**
 * Reads a request body with a hard size limit, whether or not the client sent a Content-Length (a chunked
 * body is counted as it streams), so no request can make the server buffer more than the limit.
 */
final class RequestBody {
    private final long limit;

    RequestBody(long limit) {
        this.limit = limit;
    }

    byte[] bytes(Context ctx) {
        long declared = ctx.req().getContentLengthLong();
        if (declared > limit) {
            throw tooLarge();
        }
        try (InputStream in = ctx.req().getInputStream()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(declared > 0 ? (int) declared : 1024);
            byte[] buffer = new byte[8192];
            long total = 0;
            for (int n; (n = in.read(buffer)) != -1; ) {
                total += n;
                if (total > limit) {
                    throw tooLarge();
                }
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw BrevetException.malformed("request body cannot be read", e);
        }
    }

    String text(Context ctx) {
        return new String(bytes(ctx), StandardCharsets.UTF_8);
    }

    private HttpResponseException tooLarge() {
        return new HttpResponseException(HttpStatus.CONTENT_TOO_LARGE.getCode(),
                "request body larger than " + limit + " bytes", Map.of());
    }
}
