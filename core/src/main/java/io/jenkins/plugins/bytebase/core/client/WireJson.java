package io.jenkins.plugins.bytebase.core.client;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The one JSON configuration of the wire, following the protojson rules of the Bytebase API: unknown fields are
 * ignored, unknown enum names read as {@code UNKNOWN}, int64 values arrive as strings, {@code bytes} are base64, and
 * nothing null or empty is ever written (the server rejects fields it does not know).
 */
final class WireJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.READ_UNKNOWN_ENUM_VALUES_USING_DEFAULT_VALUE)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .serializationInclusion(JsonInclude.Include.NON_EMPTY)
            .build();

    private WireJson() {}

    /** The shared mapper; configured once, thread-safe. */
    static ObjectMapper mapper() {
        return MAPPER;
    }

    static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            // Only our own records are written; failing here is a programming error, not bad input.
            throw new UncheckedIOException("cannot write request JSON", e);
        }
    }

    /** Reads a response body; an empty body reads as the type's defaults (protojson leaves out default fields). */
    static <T> T read(String body, Class<T> type) throws IOException {
        String json = body == null || body.isBlank() ? "{}" : body;
        T value = MAPPER.readValue(json, type);
        if (value == null) {
            throw new IOException("the answer was JSON null");
        }
        return value;
    }

    /** Parses any JSON document, e.g. an error body; {@code null} when it is not JSON. */
    static JsonNode tree(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            return MAPPER.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }
}
