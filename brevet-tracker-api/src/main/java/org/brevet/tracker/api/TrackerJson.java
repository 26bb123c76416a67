package org.brevet.tracker.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.brevet.pki.BrevetException;

/**
 * The JSON codec of the control socket and of {@code getcert list --json}. One document per line: the
 * encoder never emits a newline, so a newline ends a message. Times are ISO-8601 strings; unset fields
 * are omitted; unknown fields are rejected (the two sides ship together).
 */
public final class TrackerJson {
    private final ObjectMapper mapper;

    public TrackerJson() {
        this.mapper = new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .setSerializationInclusion(JsonInclude.Include.NON_NULL);
    }

    public String encode(Command command) {
        return write(command);
    }

    public String encode(Reply reply) {
        return write(reply);
    }

    /** Pretty form for humans and scripts ({@code getcert list --json}). */
    public String encodePretty(Object value) {
        try {
            return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new BrevetException(org.brevet.pki.ErrorKind.INTERNAL, "cannot encode JSON", e);
        }
    }

    public Command decodeCommand(String json) {
        return read(json, Command.class);
    }

    public Reply decodeReply(String json) {
        return read(json, Reply.class);
    }

    private String write(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new BrevetException(org.brevet.pki.ErrorKind.INTERNAL, "cannot encode JSON", e);
        }
    }

    private <T> T read(String json, Class<T> type) {
        try {
            return mapper.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw BrevetException.malformed("not a valid tracker message: " + e.getOriginalMessage(), e);
        }
    }
}
