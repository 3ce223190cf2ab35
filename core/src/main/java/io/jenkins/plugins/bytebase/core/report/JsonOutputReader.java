package io.jenkins.plugins.bytebase.core.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads an output file written by {@link JsonOutputWriter} or by {@code bytebase-action --output}, for example to
 * continue the plan a previous build created.
 */
public final class JsonOutputReader {

    private JsonOutputReader() {}

    /**
     * @throws IllegalArgumentException when the text is not a JSON object, naming what was expected
     */
    public static OutputFile fromJson(String json) {
        JsonNode root;
        try {
            root = ReportJson.MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(
                    "The output file is not valid JSON (" + e.getOriginalMessage()
                            + "): expected an object with release, plan, rollout or checkResults.",
                    e);
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException(
                    "The output file is not a JSON object: expected one with release, plan, rollout or checkResults.");
        }
        JsonNode checkResults = root.get("checkResults");
        return new OutputFile(
                text(root, "release"),
                text(root, "plan"),
                text(root, "rollout"),
                checkResults == null || !checkResults.isObject() ? null : CheckResultsJson.fromJson(checkResults));
    }

    public static OutputFile read(Path file) throws IOException {
        return fromJson(Files.readString(file, StandardCharsets.UTF_8));
    }

    private static String text(JsonNode root, String key) {
        JsonNode value = root.get(key);
        return value == null || !value.isTextual() || value.asText().isEmpty() ? null : value.asText();
    }
}
