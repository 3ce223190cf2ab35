package io.jenkins.plugins.bytebase.steps;

import static io.jenkins.plugins.bytebase.Fixtures.NOT_NULL_SQL;
import static io.jenkins.plugins.bytebase.Fixtures.NULLABLE_SQL;
import static io.jenkins.plugins.bytebase.Fixtures.targets;
import static io.jenkins.plugins.bytebase.Fixtures.writeMigration;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import hudson.model.Result;
import io.jenkins.plugins.bytebase.Fixtures;
import io.jenkins.plugins.bytebase.actions.ReviewAction;
import io.jenkins.plugins.bytebase.sandbox.BytebaseSandbox;
import io.jenkins.plugins.bytebase.sandbox.BytebaseSandboxExtension;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/** The tutorials' pull request flow: a nullable column is a warning on line 3, the fixed file passes. */
@WithJenkins
class ReviewStepITest {

    @RegisterExtension
    static BytebaseSandboxExtension sandboxes = new BytebaseSandboxExtension();

    private JenkinsRule j;
    private BytebaseSandbox sandbox;

    @BeforeEach
    void setUp(JenkinsRule j, BytebaseSandbox sandbox) throws Exception {
        this.j = j;
        this.sandbox = sandbox;
        Fixtures.useSandbox(sandbox);
    }

    @Test
    void shouldMarkTheBuildUnstableWithOneWarningOnLine3ForANullableColumn() throws Exception {
        WorkflowJob job = Fixtures.pipeline(j, review(NULLABLE_SQL, ""));

        WorkflowRun build = j.buildAndAssertStatus(Result.UNSTABLE, job);

        String log = JenkinsRule.getLog(build);
        assertThat(log)
                .contains(Fixtures.MIGRATION_PATH + ":3")
                .contains("https://docs.bytebase.com/sql-review/error-codes#402")
                .contains("returned errors=0 warnings=1 findings=1 passed=true");
        ReviewAction action = build.getAction(ReviewAction.class);
        assertThat(action).isNotNull();
        assertThat(action.getWarnings()).isEqualTo(1);
        assertThat(action.getErrors()).isZero();
        JsonNode results = sarifResults(job);
        assertThat(results).hasSize(1);
        assertThat(results.get(0).path("level").asText()).isEqualTo("warning");
        assertThat(results.get(0)
                        .at("/locations/0/physicalLocation/region/startLine")
                        .asInt())
                .isEqualTo(3);
        assertThat(results.get(0)
                        .at("/locations/0/physicalLocation/artifactLocation/uri")
                        .asText())
                .endsWith(Fixtures.MIGRATION_PATH);
    }

    @Test
    void shouldSucceedWithoutFindingsForTheFixedFile() throws Exception {
        WorkflowJob job = Fixtures.pipeline(j, review(NOT_NULL_SQL, ""));

        WorkflowRun build = j.buildAndAssertSuccess(job);

        assertThat(JenkinsRule.getLog(build))
                .contains("returned errors=0 warnings=0 findings=0 passed=true")
                .doesNotContain(Fixtures.MIGRATION_PATH + ":3");
        ReviewAction action = build.getAction(ReviewAction.class);
        assertThat(action).isNotNull();
        assertThat(action.getWarnings()).isZero();
        assertThat(sarifResults(job)).isEmpty();
    }

    @Test
    void shouldFailOnAWarningWhenThePolicySaysSo() throws Exception {
        WorkflowJob job = Fixtures.pipeline(j, review(NULLABLE_SQL, ", checkRelease: 'FAIL_ON_WARNING'"));

        WorkflowRun build = j.buildAndAssertStatus(Result.FAILURE, job);

        assertThat(JenkinsRule.getLog(build))
                .contains(Fixtures.MIGRATION_PATH + ":3")
                .contains("FAIL_ON_WARNING")
                .doesNotContain("returned errors=");
    }

    @Test
    void shouldRejectAnUnknownPolicyNamingTheAcceptedValues() throws Exception {
        WorkflowJob job = Fixtures.pipeline(j, review(NOT_NULL_SQL, ", checkRelease: 'FAIL_SOMETIMES'"));

        WorkflowRun build = j.buildAndAssertStatus(Result.FAILURE, job);

        assertThat(JenkinsRule.getLog(build)).contains("FAIL_SOMETIMES").contains("FAIL_ON_ERROR");
        assertThat(Fixtures.requests(sandbox, "POST", "releases:check")).isEmpty();
    }

    private static String review(String sql, String extraArguments) {
        return "node {\n"
                + writeMigration(sql)
                + "  def r = bytebaseReview project: '" + BytebaseSandbox.PROJECT + "', targets: "
                + targets(BytebaseSandbox.TEST_DATABASE) + ", filePattern: 'migrations/*.sql', sarifFile: "
                + "'reports/review.sarif'" + extraArguments + "\n"
                + "  echo \"returned errors=${r.errors} warnings=${r.warnings} findings=${r.findings}"
                + " passed=${r.passed} riskLevel=${r.riskLevel}\"\n"
                + "}\n";
    }

    private JsonNode sarifResults(WorkflowJob job) throws Exception {
        String sarif = j.jenkins.getWorkspaceFor(job).child("reports/review.sarif").readToString();
        return new ObjectMapper().readTree(sarif).at("/runs/0/results");
    }
}
