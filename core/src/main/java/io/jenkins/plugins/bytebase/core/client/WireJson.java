package io.jenkins.plugins.bytebase.core.client;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

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
            .addModule(new SimpleModule("canonical-strings").addDeserializer(String.class, new CanonicalStrings()))
            .build();

    private WireJson() {}

    /** The shared mapper; configured once, thread-safe. */
    static ObjectMapper mapper() {
        return MAPPER;
    }

    static String write(Object value) {
        return new String(writeBytes(value), StandardCharsets.UTF_8);
    }

    /**
     * The request body as UTF-8. Straight to bytes: {@code writeValueAsString} holds a large body (a release's
     * statements in base64) as char segments plus a joined {@code char[]}, four bytes per ASCII character.
     */
    static byte[] writeBytes(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            // Only our own records are written; failing here is a programming error, not bad input.
            throw new UncheckedIOException("cannot write request JSON", e);
        }
    }

    /** Reads a successful answer as it arrives, without holding it as text first. */
    @FunctionalInterface
    interface BodyReader {
        /**
         * @throws JsonProcessingException when the body is not the expected JSON
         * @throws IOException when reading failed (the transport, not the body, is at fault)
         */
        Object read(InputStream body) throws IOException;
    }

    /**
     * A reader of {@code type}; an empty body reads as the type's defaults (protojson leaves out default fields), JSON
     * {@code null} and, for {@link JsonNode}, anything but an object are refused.
     */
    static BodyReader reader(Class<?> type) {
        return reader(type, true);
    }

    /** A reader of a JSON object that refuses an empty body (the login answer must carry a token). */
    static BodyReader objectReader() {
        return reader(JsonNode.class, false);
    }

    private static BodyReader reader(Class<?> type, boolean emptyAsDefaults) {
        return body -> {
            try (JsonParser parser = MAPPER.createParser(body)) {
                parser.disable(JsonParser.Feature.AUTO_CLOSE_SOURCE); // the caller drains and closes it
                Object value;
                if (parser.nextToken() != null) {
                    value = MAPPER.readValue(parser, type);
                } else if (emptyAsDefaults) {
                    value = MAPPER.readValue("{}", type);
                } else {
                    throw new UnexpectedJson("the answer was empty");
                }
                if (value == null) {
                    throw new UnexpectedJson("the answer was JSON null");
                }
                if (value instanceof JsonNode node && !node.isObject()) {
                    throw new UnexpectedJson("the answer was not a JSON object");
                }
                return value;
            }
        };
    }

    /** Reads a response body held as text; see {@link #reader(Class)}. */
    static <T> T read(String body, Class<T> type) throws IOException {
        byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        return type.cast(reader(type).read(new ByteArrayInputStream(bytes)));
    }

    /** A body that is JSON, but not the JSON expected. */
    static final class UnexpectedJson extends JsonProcessingException {
        private static final long serialVersionUID = 1L;

        UnexpectedJson(String message) {
            super(message);
        }
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
