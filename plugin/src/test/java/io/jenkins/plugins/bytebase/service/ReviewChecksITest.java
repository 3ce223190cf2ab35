package io.jenkins.plugins.bytebase.service;

import static io.jenkins.plugins.bytebase.Fixtures.NOT_NULL_SQL;
import static io.jenkins.plugins.bytebase.Fixtures.NULLABLE_SQL;
import static io.jenkins.plugins.bytebase.Fixtures.targets;
import static io.jenkins.plugins.bytebase.Fixtures.writeMigration;
import static io.jenkins.plugins.bytebase.sandbox.BytebaseSandbox.PROJECT;
import static io.jenkins.plugins.bytebase.sandbox.BytebaseSandbox.TEST_DATABASE;
import static org.assertj.core.api.Assertions.assertThat;

import hudson.ExtensionList;
import hudson.model.Result;
import io.jenkins.plugins.bytebase.Fixtures;
import io.jenkins.plugins.bytebase.sandbox.BytebaseSandbox;
import io.jenkins.plugins.bytebase.sandbox.BytebaseSandboxExtension;
import io.jenkins.plugins.checks.api.ChecksAnnotation;
import io.jenkins.plugins.checks.api.ChecksAnnotation.ChecksAnnotationLevel;
import io.jenkins.plugins.checks.api.ChecksConclusion;
import io.jenkins.plugins.checks.api.ChecksDetails;
import io.jenkins.plugins.checks.api.ChecksOutput;
import io.jenkins.plugins.checks.api.ChecksStatus;
import io.jenkins.plugins.checks.util.CapturingChecksPublisher;
import java.util.List;
import java.util.stream.IntStream;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.TestExtension;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/** The check "Bytebase SQL Review" as a checks publisher (GitHub, for one) receives it. */
@WithJenkins
class ReviewChecksITest {

    @RegisterExtension
    static BytebaseSandboxExtension sandboxes = new BytebaseSandboxExtension();

    /** Captures what the review publishes, in place of a GitHub or GitLab publisher (only in this test class). */
    @TestExtension
    public static class Publisher extends CapturingChecksPublisher.Factory {}

    /** One error: a DELETE without WHERE, on line 2. */
    private static final String DELETE_ALL_SQL =
            "CREATE TABLE t1 (id SERIAL PRIMARY KEY, name TEXT NOT NULL);\n" + "DELETE FROM t1;\n";

    private JenkinsRule j;

    @BeforeEach
    void setUp(JenkinsRule j, BytebaseSandbox sandbox) throws Exception {
        this.j = j;
        Fixtures.useSandbox(sandbox);
    }

    @Test
    void shouldPublishTheConclusionEachPolicyGivesEachResult() throws Exception {
        record Case(String policy, String sql, Result build, ChecksConclusion conclusion, String summary) {}
        List<Case> cases = List.of(
                new Case(
                        "FAIL_ON_ERROR",
                        NOT_NULL_SQL,
                        Result.SUCCESS,
                        ChecksConclusion.SUCCESS,
                        "0 warnings, 0 errors: the check passes (FAIL_ON_ERROR)"),
                new Case(
                        "FAIL_ON_ERROR",
                        NULLABLE_SQL,
                        Result.UNSTABLE,
                        ChecksConclusion.NEUTRAL,
                        "1 warning, 0 errors: FAIL_ON_ERROR lets the check pass"),
                new Case(
                        "FAIL_ON_ERROR",
                        DELETE_ALL_SQL,
                        Result.FAILURE,
                        ChecksConclusion.FAILURE,
                        "0 warnings, 1 error: FAIL_ON_ERROR fails the check"),
                new Case(
                        "FAIL_ON_WARNING",
                        NOT_NULL_SQL,
                        Result.SUCCESS,
                        ChecksConclusion.SUCCESS,
                        "0 warnings, 0 errors: the check passes (FAIL_ON_WARNING)"),
                new Case(
                        "FAIL_ON_WARNING",
                        NULLABLE_SQL,
                        Result.FAILURE,
                        ChecksConclusion.FAILURE,
                        "1 warning, 0 errors: FAIL_ON_WARNING fails the check"),
                new Case(
                        "FAIL_ON_WARNING",
                        DELETE_ALL_SQL,
                        Result.FAILURE,
                        ChecksConclusion.FAILURE,
                        "0 warnings, 1 error: FAIL_ON_WARNING fails the check"),
                new Case(
                        "SKIP",
                        NOT_NULL_SQL,
                        Result.SUCCESS,
                        ChecksConclusion.SUCCESS,
                        "0 warnings, 0 errors: the check passes (SKIP)"),
                new Case(
                        "SKIP",
                        NULLABLE_SQL,
                        Result.UNSTABLE,
                        ChecksConclusion.NEUTRAL,
                        "1 warning, 0 errors: SKIP lets the check pass"),
                new Case(
                        "SKIP",
                        DELETE_ALL_SQL,
                        Result.UNSTABLE,
                        ChecksConclusion.NEUTRAL,
                        "0 warnings, 1 error: SKIP lets the check pass"));

        for (int i = 0; i < cases.size(); i++) {
            Case c = cases.get(i);
            published().clear();
            WorkflowJob job = job("case-" + i, review(c.sql(), ", checkRelease: '" + c.policy() + "'"));

            j.buildAndAssertStatus(c.build(), job);

            ChecksDetails check = onlyReviewCheck();
            assertThat(check.getStatus()).as(c.toString()).isEqualTo(ChecksStatus.COMPLETED);
            assertThat(check.getConclusion()).as(c.toString()).isEqualTo(c.conclusion());
            assertThat(check.getOutput().flatMap(ChecksOutput::getSummary))
                    .as(c.toString())
                    .contains(c.summary());
        }
    }

    @Test
    void shouldAnnotateTheNullableColumnOnLine3WithLevelTitleAndMessage() throws Exception {
        j.buildAndAssertStatus(Result.UNSTABLE, job("warning", review(NULLABLE_SQL, "")));

        ChecksOutput output = onlyReviewCheck().getOutput().orElseThrow();
        assertThat(output.getTitle()).contains("Bytebase SQL review: 0 error(s), 1 warning(s)");
        assertThat(output.getChecksAnnotations()).hasSize(1);
        ChecksAnnotation annotation = output.getChecksAnnotations().get(0);
        assertThat(annotation.getPath()).contains(Fixtures.MIGRATION_PATH);
        assertThat(annotation.getStartLine()).contains(3);
        assertThat(annotation.getEndLine()).contains(3);
        assertThat(annotation.getAnnotationLevel()).isEqualTo(ChecksAnnotationLevel.WARNING);
        assertThat(annotation.getTitle()).contains("402 COLUMN_NO_NULL");
        assertThat(annotation.getMessage().orElseThrow())
                .contains("Column \"name\"")
                .contains("cannot have NULL value")
                .contains("[" + TEST_DATABASE + "]")
                .endsWith("\nhttps://docs.bytebase.com/sql-review/error-codes#402");
    }

    @Test
    void shouldAnnotateAnErrorAsAFailureOnItsLine() throws Exception {
        j.buildAndAssertStatus(Result.FAILURE, job("error", review(DELETE_ALL_SQL, "")));

        ChecksOutput output = onlyReviewCheck().getOutput().orElseThrow();
        assertThat(output.getTitle()).contains("Bytebase SQL review: 1 error(s), 0 warning(s)");
        assertThat(output.getChecksAnnotations())
                .singleElement()
                .satisfies(annotation -> {
                    assertThat(annotation.getStartLine()).contains(2);
                    assertThat(annotation.getAnnotationLevel()).isEqualTo(ChecksAnnotationLevel.FAILURE);
                    assertThat(annotation.getTitle()).contains("202 STATEMENT_WHERE_REQUIRE_UPDATE_DELETE");
                    assertThat(annotation.getMessage().orElseThrow())
                            .contains("DELETE FROM t1")
                            .endsWith("\nhttps://docs.bytebase.com/sql-review/error-codes#202");
                });
    }

    /**
     * GitHub takes 50 annotations per request; the publisher splits them, so the review hands over all 60 in its one
     * check (see {@link ReviewChecks#details}).
     */
    @Test
    void shouldHandOverMoreThanFiftyFindingsInOneCheck() throws Exception {
        StringBuilder sql = new StringBuilder();
        for (int table = 1; table <= 60; table++) {
            sql.append("CREATE TABLE t").append(table).append(" (id INT PRIMARY KEY, name TEXT);\n");
        }

        j.buildAndAssertStatus(Result.UNSTABLE, job("sixty", review(sql.toString(), "")));

        ChecksOutput output = onlyReviewCheck().getOutput().orElseThrow();
        assertThat(output.getTitle()).contains("Bytebase SQL review: 0 error(s), 60 warning(s)");
        List<ChecksAnnotation> annotations = output.getChecksAnnotations();
        assertThat(annotations).hasSize(60);
        assertThat(annotations)
                .extracting(annotation -> annotation.getStartLine().orElseThrow())
                .containsExactlyInAnyOrderElementsOf(
                        IntStream.rangeClosed(1, 60).boxed().toList());
        assertThat(annotations)
                .allSatisfy(annotation -> assertThat(annotation.getAnnotationLevel())
                        .isEqualTo(ChecksAnnotationLevel.WARNING));
    }

    @Test
    void shouldPublishNothingWhenTurnedOff() throws Exception {
        j.buildAndAssertStatus(Result.UNSTABLE, job("off", review(NULLABLE_SQL, ", publishChecks: false")));

        assertThat(published())
                .noneMatch(check -> check.getName().filter(ReviewChecks.CHECK_NAME::equals).isPresent());
    }

    /** What the captured publisher received (each test has its own Jenkins, so its own publisher). */
    private static List<ChecksDetails> published() {
        return ExtensionList.lookupSingleton(Publisher.class).getPublishedChecks();
    }

    private WorkflowJob job(String name, String script) throws Exception {
        WorkflowJob job = j.createProject(WorkflowJob.class, name);
        job.setDefinition(new CpsFlowDefinition(script, true));
        return job;
    }

    private static String review(String sql, String extraArguments) {
        return "node {\n"
                + writeMigration(sql)
                + "  bytebaseReview project: '" + PROJECT + "', targets: " + targets(TEST_DATABASE)
                + ", filePattern: 'migrations/*.sql'" + extraArguments + "\n"
                + "}\n";
    }

    private static ChecksDetails onlyReviewCheck() {
        List<ChecksDetails> review = published().stream()
                .filter(check -> check.getName().filter(ReviewChecks.CHECK_NAME::equals).isPresent())
                .toList();
        assertThat(review).as("checks named %s", ReviewChecks.CHECK_NAME).hasSize(1);
        return review.get(0);
    }
}
