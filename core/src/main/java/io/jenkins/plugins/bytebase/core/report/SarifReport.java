package io.jenkins.plugins.bytebase.core.report;

import static io.jenkins.plugins.bytebase.core.report.ReportJson.MAPPER;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.bytebase.core.review.FileReview;
import io.jenkins.plugins.bytebase.core.review.Finding;
import io.jenkins.plugins.bytebase.core.review.ReviewResult;
import io.jenkins.plugins.bytebase.core.review.Severity;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * SARIF 2.1.0 of a review, readable by Warnings NG's {@code sarif()} and code-scanning tools: one run, one rule per
 * advisor code, one result per finding and target ({@code SUCCESS} advices are no issues and are left out).
 */
public final class SarifReport {

    static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
    static final String TOOL_NAME = "Bytebase SQL Review";
    static final String INFORMATION_URI = "https://docs.bytebase.com/sql-review/overview";

    private SarifReport() {}

    public static String toSarif(ReviewResult result) {
        Map<String, ObjectNode> rules = new LinkedHashMap<>();
        ArrayNode results = MAPPER.createArrayNode();
        for (FileReview review : result.reviews()) {
            for (Finding finding : review.issues()) {
                String ruleId = ruleId(finding);
                rules.computeIfAbsent(ruleId, id -> rule(id, finding));
                results.add(result(review, finding, ruleId, indexOf(rules, ruleId)));
            }
        }
        ObjectNode driver = MAPPER.createObjectNode();
        driver.put("name", TOOL_NAME);
        driver.put("informationUri", INFORMATION_URI);
        driver.set("rules", MAPPER.createArrayNode().addAll(rules.values()));

        ObjectNode run = MAPPER.createObjectNode();
        run.putObject("tool").set("driver", driver);
        run.set("results", results);

        ObjectNode log = MAPPER.createObjectNode();
        log.put("$schema", SCHEMA);
        log.put("version", "2.1.0");
        log.putArray("runs").add(run);
        return ReportJson.pretty(log);
    }

    /** The advisor code identifies a rule; an advice without code (some AI rules) falls back to its title. */
    private static String ruleId(Finding finding) {
        if (finding.code() != 0) {
            return Integer.toString(finding.code());
        }
        return finding.title() == null || finding.title().isBlank() ? "unknown" : finding.title();
    }

    private static int indexOf(Map<String, ObjectNode> rules, String ruleId) {
        int index = 0;
        for (String id : rules.keySet()) {
            if (id.equals(ruleId)) {
                return index;
            }
            index++;
        }
        throw new IllegalStateException("rule " + ruleId + " was not registered");
    }

    private static ObjectNode rule(String id, Finding finding) {
        String title = finding.title() == null || finding.title().isBlank() ? id : finding.title();
        ObjectNode rule = MAPPER.createObjectNode();
        rule.put("id", id);
        rule.put("name", title);
        rule.putObject("shortDescription").put("text", title);
        if (finding.code() != 0) {
            rule.put("helpUri", finding.docUrl());
        }
        rule.putObject("properties").put("ruleType", finding.aiPowered() ? "AI_POWERED" : "PARSER_BASED");
        return rule;
    }

    private static ObjectNode result(FileReview review, Finding finding, String ruleId, int ruleIndex) {
        ObjectNode result = MAPPER.createObjectNode();
        result.put("ruleId", ruleId);
        result.put("ruleIndex", ruleIndex);
        result.put("level", level(finding.severity()));
        result.putObject("message").put("text", message(review, finding));

        ObjectNode physical = MAPPER.createObjectNode();
        physical.putObject("artifactLocation").put("uri", uri(review.file()));
        physical.set("region", region(finding));
        result.putArray("locations").addObject().set("physicalLocation", physical);

        ObjectNode properties = result.putObject("properties");
        properties.put("target", review.target());
        properties.put(
                "changeType",
                review.changeType() == null ? "DDL" : review.changeType().name());
        return result;
    }

    private static String message(FileReview review, Finding finding) {
        String text = finding.message() == null || finding.message().isBlank() ? finding.title() : finding.message();
        return text + " (" + finding.title() + ", code " + finding.code() + ", target " + review.target() + ")";
    }

    private static String level(Severity severity) {
        return switch (severity) {
            case ERROR -> "error";
            case WARNING -> "warning";
            default -> "note";
        };
    }

    /** SARIF lines are 1-based; a column is given only when known, an end only when it comes after the start. */
    private static ObjectNode region(Finding finding) {
        int startLine = Math.max(1, finding.line());
        ObjectNode region = MAPPER.createObjectNode();
        region.put("startLine", startLine);
        if (finding.column() > 0) {
            region.put("startColumn", finding.column());
        }
        if (finding.endLine() >= startLine) {
            region.put("endLine", finding.endLine());
            boolean after = finding.endLine() > startLine || finding.endColumn() > finding.column();
            if (finding.endColumn() > 0 && finding.column() > 0 && after) {
                region.put("endColumn", finding.endColumn());
            }
        }
        return region;
    }

    /**
     * A relative URI reference: the path as sent, with bytes outside the URI path characters (spaces, {@code %},
     * {@code :} that would read as a scheme, non-ASCII) percent-encoded as UTF-8.
     */
    static String uri(String path) {
        StringBuilder uri = new StringBuilder();
        for (byte b : path.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xFF);
            if ((c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9')
                    || "-._~/!$&'()*+,;=@".indexOf(c) >= 0) {
                uri.append(c);
            } else {
                uri.append('%').append(String.format("%02X", b & 0xFF));
            }
        }
        return uri.toString();
    }
}
