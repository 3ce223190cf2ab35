package io.jenkins.plugins.bytebase.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.bytebase.core.migration.ChangeType;
import io.jenkins.plugins.bytebase.core.review.FileReview;
import io.jenkins.plugins.bytebase.core.review.Finding;
import io.jenkins.plugins.bytebase.core.review.ReviewFixtures;
import io.jenkins.plugins.bytebase.core.review.ReviewResult;
import io.jenkins.plugins.bytebase.core.review.Risk;
import io.jenkins.plugins.bytebase.core.review.Severity;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SarifReportTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static JsonNode sarif(ReviewResult result) throws Exception {
        JsonNode log = MAPPER.readTree(SarifReport.toSarif(result));
        assertThat(sarifViolations(log)).as("SARIF 2.1.0 rules").isEmpty();
        return log;
    }

    @Test
    void shouldDescribeTheToolAndOneRulePerCode() throws Exception {
        JsonNode log = sarif(ReviewFixtures.mixed());

        assertThat(log.path("$schema").asText()).isEqualTo("https://json.schemastore.org/sarif-2.1.0.json");
        assertThat(log.path("version").asText()).isEqualTo("2.1.0");
        assertThat(log.path("runs")).hasSize(1);
        JsonNode driver = log.at("/runs/0/tool/driver");
        assertThat(driver.path("name").asText()).isEqualTo("Bytebase SQL Review");
        assertThat(driver.path("informationUri").asText()).startsWith("https://docs.bytebase.com/");
        assertThat(driver.path("rules")).hasSize(2);
        assertThat(driver.at("/rules/0/id").asText()).isEqualTo("402");
        assertThat(driver.at("/rules/0/name").asText()).isEqualTo("COLUMN_NO_NULL");
        assertThat(driver.at("/rules/0/helpUri").asText())
                .isEqualTo("https://docs.bytebase.com/sql-review/error-codes#402");
        assertThat(driver.at("/rules/1/id").asText()).isEqualTo("202");
    }

    @Test
    void shouldReportEachFindingPerTargetWithLevelFileAndRegion() throws Exception {
        JsonNode results = sarif(ReviewFixtures.mixed()).at("/runs/0/results");

        assertThat(results).hasSize(3);
        JsonNode warning = results.get(0);
        assertThat(warning.path("ruleId").asText()).isEqualTo("402");
        assertThat(warning.path("level").asText()).isEqualTo("warning");
        assertThat(warning.at("/message/text").asText())
                .contains("Column \"name\" in public.t1 cannot have NULL value")
                .contains(ReviewFixtures.HR_TEST);
        assertThat(warning.at("/locations/0/physicalLocation/artifactLocation/uri")
                        .asText())
                .isEqualTo(ReviewFixtures.CREATE_T1);
        JsonNode region = warning.at("/locations/0/physicalLocation/region");
        assertThat(region.path("startLine").asInt()).isEqualTo(3);
        assertThat(region.has("startColumn")).as("no column when unknown").isFalse();
        assertThat(results.get(1).at("/message/text").asText()).contains(ReviewFixtures.HR_PROD);

        JsonNode error = results.get(2);
        assertThat(error.path("level").asText()).isEqualTo("error");
        assertThat(error.path("ruleIndex").asInt()).isEqualTo(1);
        assertThat(error.at("/locations/0/physicalLocation/region/startColumn").asInt())
                .isEqualTo(1);
        assertThat(error.at("/locations/0/physicalLocation/region/endColumn").asInt())
                .isEqualTo(15);
    }

    @Test
    void shouldLeaveOutSuccessAdvicesAndStillBeAValidLog() throws Exception {
        JsonNode log = sarif(ReviewFixtures.clean());

        assertThat(log.at("/runs/0/results")).isEmpty();
        assertThat(log.at("/runs/0/tool/driver/rules")).isEmpty();
    }

    @Test
    void shouldMapOtherLevelsToNoteAndFallBackToTheTitleWithoutCode() throws Exception {
        Finding ai = new Finding(Severity.UNKNOWN, 0, "Tables need a comment", "t1 has no comment", 0, 0, 0, 0, true);
        ReviewResult result = new ReviewResult(
                "projects/p",
                List.of("instances/i/databases/d"),
                List.of(new FileReview(
                        "m/1 first ü.sql", "instances/i/databases/d", ChangeType.DDL, List.of(ai), 0, Risk.NONE)),
                List.of(),
                0,
                Risk.NONE,
                "");

        JsonNode log = sarif(result);

        JsonNode finding = log.at("/runs/0/results/0");
        assertThat(finding.path("level").asText()).isEqualTo("note");
        assertThat(finding.path("ruleId").asText()).isEqualTo("Tables need a comment");
        assertThat(finding.at("/locations/0/physicalLocation/region/startLine").asInt())
                .isEqualTo(1);
        assertThat(finding.at("/locations/0/physicalLocation/artifactLocation/uri")
                        .asText())
                .isEqualTo("m/1%20first%20%C3%BC.sql");
        assertThat(log.at("/runs/0/tool/driver/rules/0").has("helpUri")).isFalse();
    }

    @Test
    void shouldCatchBrokenLogsWithTheRuleCheck() throws Exception {
        JsonNode broken = MAPPER.readTree(
                """
                {"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "x", "informationUri": "docs",
                  "rules": [{"id": "1"}, {"id": "1"}]}},
                  "results": [{"ruleId": "2", "level": "fatal", "message": {},
                    "locations": [{"physicalLocation": {"artifactLocation": {"uri": "/abs path.sql"},
                                   "region": {"startLine": 0}}}]}]}]}
                """);

        assertThat(sarifViolations(broken))
                .contains(
                        "driver.informationUri must be absolute",
                        "rule ids must be unique",
                        "result.message.text is required",
                        "result.level must be none, note, warning or error",
                        "result.ruleId must name a rule: 2",
                        "artifactLocation.uri must be relative",
                        "region.startLine must be >= 1");
    }

    /**
     * The SARIF 2.1.0 rules a reader relies on (schema "required" properties, enums and value ranges of §3), checked
     * by hand because the schema cannot be fetched in the build.
     */
    static List<String> sarifViolations(JsonNode log) {
        List<String> errors = new ArrayList<>();
        require(errors, log.path("version").asText().equals("2.1.0"), "version must be 2.1.0");
        require(errors, log.path("runs").isArray(), "runs must be an array");
        for (JsonNode run : log.path("runs")) {
            JsonNode driver = run.at("/tool/driver");
            require(errors, driver.path("name").isTextual(), "run.tool.driver.name is required");
            require(errors, isAbsoluteUri(driver.path("informationUri")), "driver.informationUri must be absolute");
            List<String> ruleIds = new ArrayList<>();
            for (JsonNode rule : driver.path("rules")) {
                require(errors, rule.path("id").isTextual(), "reportingDescriptor.id is required");
                ruleIds.add(rule.path("id").asText());
                if (rule.has("helpUri")) {
                    require(errors, isAbsoluteUri(rule.path("helpUri")), "rule.helpUri must be an absolute URI");
                }
            }
            require(errors, Set.copyOf(ruleIds).size() == ruleIds.size(), "rule ids must be unique");
            require(errors, run.path("results").isArray(), "run.results must be an array");
            for (JsonNode result : run.path("results")) {
                require(errors, result.at("/message/text").isTextual(), "result.message.text is required");
                require(
                        errors,
                        Set.of("none", "note", "warning", "error")
                                .contains(result.path("level").asText()),
                        "result.level must be none, note, warning or error");
                String ruleId = result.path("ruleId").asText();
                require(errors, ruleIds.contains(ruleId), "result.ruleId must name a rule: " + ruleId);
                if (result.has("ruleIndex")) {
                    require(
                            errors,
                            ruleIds.indexOf(ruleId) == result.path("ruleIndex").asInt(),
                            "result.ruleIndex must point at its rule: " + ruleId);
                }
                for (JsonNode location : result.path("locations")) {
                    JsonNode physical = location.path("physicalLocation");
                    String uri = physical.at("/artifactLocation/uri").asText("");
                    require(errors, !uri.isEmpty() && !uri.startsWith("/"), "artifactLocation.uri must be relative");
                    require(errors, isUriReference(uri), "artifactLocation.uri must be a valid URI: " + uri);
                    JsonNode region = physical.path("region");
                    int startLine = region.path("startLine").asInt(0);
                    require(errors, startLine >= 1, "region.startLine must be >= 1");
                    require(errors, region.path("startColumn").asInt(1) >= 1, "region.startColumn must be >= 1");
                    require(errors, region.path("endLine").asInt(startLine) >= startLine, "endLine >= startLine");
                    if (region.has("endColumn") && region.path("endLine").asInt(startLine) == startLine) {
                        require(
                                errors,
                                region.path("endColumn").asInt()
                                        >= region.path("startColumn").asInt(1),
                                "endColumn >= startColumn on one line");
                    }
                }
            }
        }
        return errors;
    }

    private static void require(List<String> errors, boolean ok, String rule) {
        if (!ok) {
            errors.add(rule);
        }
    }

    private static boolean isAbsoluteUri(JsonNode node) {
        return node.isTextual() && URI.create(node.asText()).isAbsolute();
    }

    private static boolean isUriReference(String text) {
        try {
            return !new URI(text).isAbsolute();
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }
}
