package io.jenkins.plugins.bytebase.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;

/** JSON in the protojson style: zero and empty values are left out of responses. */
final class Json {

    static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {}

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    static ArrayNode array() {
        return MAPPER.createArrayNode();
    }

    static JsonNode parse(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw ApiException.invalid("invalid JSON in request body: " + e.getOriginalMessage());
        }
    }

    static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Puts a string unless it is null or empty (protojson leaves default values out). */
    static ObjectNode put(ObjectNode node, String field, String value) {
        if (value != null && !value.isEmpty()) {
            node.put(field, value);
        }
        return node;
    }

    static ObjectNode put(ObjectNode node, String field, Instant time) {
        if (time != null) {
            node.put(field, timestamp(time));
        }
        return node;
    }

    static ObjectNode putStrings(ObjectNode node, String field, Collection<String> values) {
        if (values != null && !values.isEmpty()) {
            ArrayNode array = node.putArray(field);
            values.forEach(array::add);
        }
        return node;
    }

    /** Sets an array unless it is empty (protojson leaves empty repeated fields out). */
    static ObjectNode putArray(ObjectNode node, String field, ArrayNode array) {
        if (!array.isEmpty()) {
            node.set(field, array);
        }
        return node;
    }

    /** int64 values are JSON strings in protojson. */
    static ObjectNode putInt64(ObjectNode node, String field, long value) {
        if (value != 0) {
            node.put(field, Long.toString(value));
        }
        return node;
    }

    static String timestamp(Instant time) {
        return time.truncatedTo(ChronoUnit.MILLIS).toString();
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value == null || value.isNull() ? "" : value.asText();
    }

    static String error(GrpcCode code, String message) {
        ObjectNode body = object();
        body.put("code", code.number);
        body.put("message", message);
        body.putArray("details");
        return write(body);
    }
}
