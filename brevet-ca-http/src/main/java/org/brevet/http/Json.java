package org.brevet.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.io.IOException;
import org.brevet.pki.BrevetException;

/**
 * JSON in and out of the REST adapter. Views are records of strings, numbers, booleans and lists, so the
 * wire format is exactly what the view records say; absent optional fields are left out.
 */
final class Json {
    static final String CONTENT_TYPE = "application/json";

    private final ObjectMapper mapper = new ObjectMapper()
            .setSerializationInclusion(JsonInclude.Include.NON_NULL)
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .configure(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, true);

    /** Parses a request body; an empty body reads as {@code {}}. Bad JSON or a missing field is MALFORMED. */
    <T> T read(byte[] body, Class<T> type) {
        try {
            return mapper.readValue(body.length == 0 ? "{}".getBytes() : body, type);
        } catch (JsonMappingException e) {
            if (e.getCause() instanceof BrevetException be) {
                throw be;
            }
            throw BrevetException.malformed("request body: " + e.getOriginalMessage(), e);
        } catch (JsonProcessingException e) {
            throw BrevetException.malformed("request body is not valid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw BrevetException.malformed("request body cannot be read", e);
        }
    }

    void write(Context ctx, Object view) {
        try {
            ctx.contentType(CONTENT_TYPE).result(mapper.writeValueAsBytes(view));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("view not serializable: " + view.getClass().getName(), e);
        }
    }
}
