package io.jenkins.plugins.bytebase.cli.format;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.bytebase.core.migration.ChangeType;
import io.jenkins.plugins.bytebase.core.review.CheckPolicy;
import io.jenkins.plugins.bytebase.core.review.FileReview;
import io.jenkins.plugins.bytebase.core.review.Finding;
import io.jenkins.plugins.bytebase.core.review.ReviewResult;
import io.jenkins.plugins.bytebase.core.review.Risk;
import io.jenkins.plugins.bytebase.core.review.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

class CodeInsightsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static CodeInsights insights(ReviewResult result, CheckPolicy policy) {
        return CodeInsights.of(result, policy.evaluate(result));
    }

    @Test
    void shouldShapeTheReportAsBitbucketDocumentsIt() {
        ReviewResult result = withLink(ReviewFixtures.mixed(), "https://bytebase.example.com/projects/project-sample");

        JsonNode report =
                JSON.valueToTree(insights(result, CheckPolicy.FAIL_ON_ERROR).report());

        assertThat(report.fieldNames())
                .toIterable()
                .containsExactly("title", "details", "report_type", "reporter", "result", "link", "data");
        assertThat(report.get("title").asText()).isEqualTo("Bytebase SQL review");
        assertThat(report.get("report_type").asText()).isIn("SECURITY", "COVERAGE", "TEST", "BUG");
        assertThat(report.get("result").asText()).isEqualTo("FAILED");
        assertThat(report.get("details").asText())
                .startsWith("1 warning, 1 error: FAIL_ON_ERROR fails the check.")
                .contains("2 files reviewed against 1 database in projects/project-sample");
        assertThat(report.get("link").asText()).isEqualTo("https://bytebase.example.com/projects/project-sample");
        assertThat(report.get("data").toString())
                .isEqualTo("[{\"title\":\"Errors\",\"type\":\"NUMBER\",\"value\":1},"
                        + "{\"title\":\"Warnings\",\"type\":\"NUMBER\",\"value\":1},"
                        + "{\"title\":\"Risk\",\"type\":\"TEXT\",\"value\":\"High\"},"
                        + "{\"title\":\"Affected rows\",\"type\":\"NUMBER\",\"value\":12},"
                        + "{\"title\":\"Bytebase\",\"type\":\"LINK\",\"value\":{\"text\":\"projects/project-sample\","
                        + "\"href\":\"https://bytebase.example.com/projects/project-sample\"}}]");
    }

    @Test
    void shouldPassTheReportWhenThePolicyLetsTheFindingsThrough() {
        CodeInsights insights = insights(ReviewFixtures.mixed(), CheckPolicy.SKIP);

        assertThat(insights.report().result()).isEqualTo("PASSED");
        assertThat(insights.report().link()).isNull();
        assertThat(insights.report().data())
                .extracting(CodeInsights.DataField::title)
                .doesNotContain("Bytebase");
    }

    @Test
    void shouldAnnotateEachFindingErrorsFirstWithItsRuleLink() {
        List<JsonNode> annotations = insights(ReviewFixtures.mixed(), CheckPolicy.SKIP).annotations().stream()
                .map(annotation -> (JsonNode) JSON.valueToTree(annotation))
                .toList();

        assertThat(annotations).hasSize(2);
        assertThat(annotations.get(0).toString())
                .isEqualTo("{\"external_id\":\"bytebase-1\",\"annotation_type\":\"BUG\","
                        + "\"title\":\"STATEMENT_WHERE_REQUIRE_UPDATE_DELETE\","
                        + "\"summary\":\"202 STATEMENT_WHERE_REQUIRE_UPDATE_DELETE: \\\"DELETE FROM t1\\\" requires"
                        + " WHERE clause, 100% of rows: gone\","
                        + "\"details\":\"\\\"DELETE FROM t1\\\" requires WHERE clause, 100% of rows: gone ("
                        + ReviewFixtures.TEST_DB + ")\","
                        + "\"severity\":\"HIGH\",\"path\":\"migrations/1.1.0_purge;t1]_dml.sql\",\"line\":1,"
                        + "\"link\":\"https://docs.bytebase.com/sql-review/error-codes#202\"}");
        JsonNode warning = annotations.get(1);
        assertThat(warning.get("external_id").asText()).isEqualTo("bytebase-2");
        assertThat(warning.get("annotation_type").asText()).isEqualTo("CODE_SMELL");
        assertThat(warning.get("severity").asText()).isEqualTo("MEDIUM");
        assertThat(warning.get("path").asText()).isEqualTo("migrations/1.0.0_create_t1.sql");
        assertThat(warning.get("line").asInt()).isEqualTo(3);
        assertThat(warning.get("summary").asText())
                .isEqualTo("402 COLUMN_NO_NULL: Column \"name\" in public.t1 cannot have NULL value");
    }

    @Test
    void shouldCutTheSummaryToBitbucketsLimit() {
        Finding longOne = new Finding(Severity.WARNING, 402, "COLUMN_NO_NULL", "x".repeat(2000), 1, 0, 0, 0, false);
        ReviewResult result = single(List.of(longOne));

        CodeInsights.Annotation annotation =
                insights(result, CheckPolicy.SKIP).annotations().get(0);

        assertThat(annotation.summary()).hasSize(CodeInsights.MAX_SUMMARY).endsWith("…");
        assertThat(annotation.details()).hasSize(CodeInsights.MAX_DETAILS);
    }

    @Test
    void shouldKeepAThousandAnnotationsAndSayHowManyAreLeftOut() {
        // 600 warnings and 600 errors: every error is kept, 400 warnings are.
        CodeInsights insights = insights(ReviewFixtures.many(600), CheckPolicy.FAIL_ON_ERROR);

        assertThat(insights.annotations()).hasSize(CodeInsights.MAX_ANNOTATIONS);
        assertThat(insights.leftOut()).isEqualTo(200);
        assertThat(insights.annotations().subList(0, 600))
                .allSatisfy(annotation -> assertThat(annotation.severity()).isEqualTo("HIGH"));
        assertThat(insights.annotations().get(999).externalId()).isEqualTo("bytebase-1000");
        assertThat(insights.report().details())
                .contains("200 more findings than Bitbucket's 1000 annotations per report are not annotated");
    }

    @Test
    void shouldBatchAtTheRequestLimit() {
        CodeInsights insights = insights(ReviewFixtures.many(125), CheckPolicy.SKIP);

        assertThat(insights.batches(100)).extracting(List::size).containsExactly(100, 100, 50);
        assertThat(insights(ReviewFixtures.many(50), CheckPolicy.SKIP).batches(100))
                .extracting(List::size)
                .containsExactly(100);
        assertThat(insights(single(List.of()), CheckPolicy.SKIP).batches(100)).isEmpty();
    }

    private static ReviewResult single(List<Finding> findings) {
        FileReview review = new FileReview("m/1.sql", ReviewFixtures.TEST_DB, ChangeType.DDL, findings, 0, Risk.NONE);
        return new ReviewResult(
                "projects/p", List.of(ReviewFixtures.TEST_DB), List.of(review), List.of(), 0, Risk.NONE, "");
    }

    private static ReviewResult withLink(ReviewResult result, String url) {
        return new ReviewResult(
                result.project(),
                result.targets(),
                result.reviews(),
                result.skippedFiles(),
                result.affectedRows(),
                result.risk(),
                url);
    }
}
