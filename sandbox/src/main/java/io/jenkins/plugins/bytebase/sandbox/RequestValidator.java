package io.jenkins.plugins.bytebase.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Validates request bodies against the OpenAPI subset, as strictly as the real server's decoder: unknown fields,
 * wrong types and missing required fields are rejected.
 *
 * <p>Some schemas combine {@code additionalProperties:false} with {@code allOf}/{@code oneOf} (a protobuf oneof). In
 * JSON Schema that rejects every property declared only in the sub-schemas, so those schemas are translated to draft
 * 2020-12 {@code unevaluatedProperties:false}, which sees the properties the sub-schemas evaluated.
 */
final class RequestValidator {

    static final String OPENAPI_RESOURCE = "bytebase-v1-gitops-subset.openapi.json";

    private static volatile RequestValidator shared;

    private final Map<String, JsonSchema> schemasByOperation = new HashMap<>();

    /** One validator for all sandboxes of the JVM: building the schemas is the slowest part of a start. */
    static RequestValidator shared() {
        RequestValidator validator = shared;
        if (validator == null) {
            synchronized (RequestValidator.class) {
                validator = shared;
                if (validator == null) {
                    validator = new RequestValidator();
                    shared = validator;
                }
            }
        }
        return validator;
    }

    RequestValidator() {
        JsonNode openApi = load();
        ObjectNode components = ((ObjectNode) openApi.get("components")).deepCopy();
        translate(components);
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().build();
        openApi.get("paths")
                .forEach(path -> path.forEach(operation -> {
                    JsonNode bodySchema = operation.at("/requestBody/content/application~1json/schema");
                    if (!bodySchema.isMissingNode()) {
                        ObjectNode root = bodySchema.deepCopy();
                        translate(root);
                        root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
                        root.set("components", components);
                        schemasByOperation.put(operation.get("operationId").asText(), factory.getSchema(root, config));
                    }
                }));
    }

    /** Throws a 400 {@link ApiException} naming the first problem of the body, if any. */
    void validate(String operationId, JsonNode body) {
        JsonSchema schema = schemasByOperation.get(operationId);
        if (schema == null) {
            return;
        }
        Set<ValidationMessage> messages = schema.validate(body);
        if (!messages.isEmpty()) {
            String text = messages.stream()
                    .sorted(Comparator.comparing(m -> m.getInstanceLocation().toString()))
                    .map(RequestValidator::describe)
                    .distinct()
                    .collect(Collectors.joining("; "));
            throw ApiException.invalid("invalid request body: " + text);
        }
    }

    boolean hasSchema(String operationId) {
        return schemasByOperation.containsKey(operationId);
    }

    private static String describe(ValidationMessage message) {
        String type = message.getType();
        if ("unevaluatedProperties".equals(type) || "additionalProperties".equals(type)) {
            return "unknown field \"" + message.getProperty() + "\" at " + message.getInstanceLocation();
        }
        return message.getMessage();
    }

    private static void translate(JsonNode node) {
        if (node instanceof ObjectNode object) {
            boolean combined = object.has("allOf") || object.has("oneOf") || object.has("anyOf");
            JsonNode additional = object.get("additionalProperties");
            if (combined && additional != null && additional.isBoolean() && !additional.asBoolean()) {
                object.remove("additionalProperties");
                object.put("unevaluatedProperties", false);
            }
            for (Iterator<JsonNode> it = object.elements(); it.hasNext(); ) {
                translate(it.next());
            }
        } else if (node != null && node.isArray()) {
            node.forEach(RequestValidator::translate);
        }
    }

    private static JsonNode load() {
        try (InputStream in = RequestValidator.class.getResourceAsStream(OPENAPI_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + OPENAPI_RESOURCE);
            }
            return Json.MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
