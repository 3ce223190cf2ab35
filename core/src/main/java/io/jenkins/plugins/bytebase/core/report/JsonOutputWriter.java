package io.jenkins.plugins.bytebase.core.report;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes {@link OutputFile} as pretty JSON with the keys of {@code bytebase-action --output}: {@code release},
 * {@code plan}, {@code rollout} and {@code checkResults} (the API's {@code CheckReleaseResponse} in protojson). Empty
 * keys are left out, so a check writes only {@code checkResults} and a rollout only the names it created.
 */
public final class JsonOutputWriter {

    private JsonOutputWriter() {}

    public static String toJson(OutputFile output) {
        ObjectNode root = ReportJson.MAPPER.createObjectNode();
        ReportJson.putIfNotEmpty(root, "release", output.release());
        ReportJson.putIfNotEmpty(root, "plan", output.plan());
        ReportJson.putIfNotEmpty(root, "rollout", output.rollout());
        if (output.checkResults() != null) {
            root.set("checkResults", CheckResultsJson.toJson(output.checkResults()));
        }
        return ReportJson.pretty(root);
    }

    /** Writes the file (UTF-8), creating its directory; callers write it even when the command fails. */
    public static void write(OutputFile output, Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(file, toJson(output), StandardCharsets.UTF_8);
    }
}
