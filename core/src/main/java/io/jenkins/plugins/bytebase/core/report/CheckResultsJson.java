package io.jenkins.plugins.bytebase.core.report;

import static io.jenkins.plugins.bytebase.core.report.ReportJson.MAPPER;
import static io.jenkins.plugins.bytebase.core.report.ReportJson.putIfNotEmpty;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.bytebase.core.migration.Versions;
import io.jenkins.plugins.bytebase.core.review.FileReview;
import io.jenkins.plugins.bytebase.core.review.Finding;
import io.jenkins.plugins.bytebase.core.review.ReviewResult;
import io.jenkins.plugins.bytebase.core.review.Risk;
import io.jenkins.plugins.bytebase.core.review.Severity;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link ReviewResult} in the protojson shape of the API's {@code CheckReleaseResponse}, as {@code bytebase-action}
 * writes it under {@code checkResults}: int64 as strings, zero values and empty lists left out.
 */
final class CheckResultsJson {

    private CheckResultsJson() {}

    static ObjectNode toJson(ReviewResult result) {
        ObjectNode root = MAPPER.createObjectNode();
        ArrayNode results = MAPPER.createArrayNode();
        for (FileReview review : result.reviews()) {
            results.add(review(review));
        }
        putIfNotEmpty(root, "results", results);
        putIfNotEmpty(root, "affectedRows", int64(result.affectedRows()));
        putIfNotEmpty(root, "riskLevel", riskLevel(result.risk()));
        return root;
    }

    /**
     * Reads {@code checkResults} back. What the API does not carry (project, change types from the file names,
     * files left out) is filled from the names or left empty.
     */
    static ReviewResult fromJson(JsonNode node) {
        List<FileReview> reviews = new ArrayList<>();
        for (JsonNode entry : node.path("results")) {
            List<Finding> findings = new ArrayList<>();
            for (JsonNode advice : entry.path("advices")) {
                findings.add(finding(advice));
            }
            String file = entry.path("file").asText("");
            reviews.add(new FileReview(
                    file,
                    entry.path("target").asText(""),
                    Versions.changeType(file),
                    findings,
                    entry.path("affectedRows").asLong(0),
                    risk(entry.path("riskLevel").asText(""))));
        }
        List<String> targets =
                reviews.stream().map(FileReview::target).distinct().toList();
        return new ReviewResult(
                "",
                targets,
                reviews,
                List.of(),
                node.path("affectedRows").asLong(0),
                risk(node.path("riskLevel").asText("")),
                "");
    }

    private static ObjectNode review(FileReview review) {
        ObjectNode node = MAPPER.createObjectNode();
        putIfNotEmpty(node, "file", review.file());
        putIfNotEmpty(node, "target", review.target());
        ArrayNode advices = MAPPER.createArrayNode();
        review.findings().forEach(finding -> advices.add(advice(finding)));
        putIfNotEmpty(node, "advices", advices);
        putIfNotEmpty(node, "affectedRows", int64(review.affectedRows()));
        putIfNotEmpty(node, "riskLevel", riskLevel(review.risk()));
        return node;
    }

    private static ObjectNode advice(Finding finding) {
        ObjectNode node = MAPPER.createObjectNode();
        if (finding.severity() != Severity.UNKNOWN) {
            node.put("status", finding.severity().name());
        }
        if (finding.code() != 0) {
            node.put("code", finding.code());
        }
        putIfNotEmpty(node, "title", finding.title());
        putIfNotEmpty(node, "content", finding.message());
        putPosition(node, "startPosition", finding.line(), finding.column());
        putPosition(node, "endPosition", finding.endLine(), finding.endColumn());
        node.put("ruleType", finding.aiPowered() ? "AI_POWERED" : "PARSER_BASED");
        return node;
    }

    private static void putPosition(ObjectNode node, String key, int line, int column) {
        if (line == 0 && column == 0) {
            return;
        }
        ObjectNode position = node.putObject(key);
        if (line != 0) {
            position.put("line", line);
        }
        if (column != 0) {
            position.put("column", column);
        }
    }

    private static Finding finding(JsonNode advice) {
        JsonNode start = advice.path("startPosition");
        JsonNode end = advice.path("endPosition");
        return new Finding(
                severity(advice.path("status").asText("")),
                advice.path("code").asInt(0),
                advice.path("title").asText(""),
                advice.path("content").asText(""),
                Math.max(1, start.path("line").asInt(0)),
                start.path("column").asInt(0),
                end.path("line").asInt(0),
                end.path("column").asInt(0),
                "AI_POWERED".equals(advice.path("ruleType").asText("")));
    }

    private static String int64(long value) {
        return value == 0 ? null : Long.toString(value);
    }

    private static String riskLevel(Risk risk) {
        return risk == null || risk == Risk.NONE || risk == Risk.UNKNOWN ? null : risk.name();
    }

    private static Risk risk(String name) {
        return switch (name) {
            case "", "RISK_LEVEL_UNSPECIFIED" -> Risk.NONE;
            case "LOW" -> Risk.LOW;
            case "MODERATE" -> Risk.MODERATE;
            case "HIGH" -> Risk.HIGH;
            default -> Risk.UNKNOWN;
        };
    }

    private static Severity severity(String name) {
        return switch (name) {
            case "ERROR" -> Severity.ERROR;
            case "WARNING" -> Severity.WARNING;
            case "SUCCESS" -> Severity.SUCCESS;
            default -> Severity.UNKNOWN;
        };
    }
}
