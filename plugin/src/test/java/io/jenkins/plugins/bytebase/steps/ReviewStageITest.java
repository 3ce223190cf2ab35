package io.jenkins.plugins.bytebase.steps;

import static io.jenkins.plugins.bytebase.Fixtures.NULLABLE_SQL;
import static io.jenkins.plugins.bytebase.Fixtures.targets;
import static io.jenkins.plugins.bytebase.Fixtures.writeMigration;
import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.Result;
import io.jenkins.plugins.bytebase.Fixtures;
import io.jenkins.plugins.bytebase.sandbox.BytebaseSandbox;
import io.jenkins.plugins.bytebase.sandbox.BytebaseSandboxExtension;
import java.util.List;
import net.sf.json.JSONArray;
import net.sf.json.JSONObject;
import org.jenkinsci.plugins.workflow.actions.WarningAction;
import org.jenkinsci.plugins.workflow.graph.BlockStartNode;
import org.jenkinsci.plugins.workflow.graph.FlowNode;
import org.jenkinsci.plugins.workflow.graphanalysis.DepthFirstScanner;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * The stage a review runs in shows its result: stage views read a {@link WarningAction} on the step's node, not the
 * build's result.
 */
@WithJenkins
class ReviewStageITest {

    @RegisterExtension
    static BytebaseSandboxExtension sandboxes = new BytebaseSandboxExtension();

    /** What {@code FAIL_ON_ERROR} says about the tutorials' file: the reason the stage shows. */
    private static final String REASON = "1 warning, 0 errors: FAIL_ON_ERROR lets the check pass";

    private JenkinsRule j;

    @BeforeEach
    void setUp(JenkinsRule j, BytebaseSandbox sandbox) throws Exception {
        this.j = j;
        Fixtures.useSandbox(sandbox);
    }

    @Test
    void shouldMarkOnlyTheReviewStageUnstableWithThePolicysReason() throws Exception {
        WorkflowJob job = Fixtures.pipeline(j, stages(""));

        WorkflowRun build = j.buildAndAssertStatus(Result.UNSTABLE, job);

        List<FlowNode> warned = nodesWithWarnings(build);
        assertThat(warned).hasSize(1);
        FlowNode review = warned.get(0);
        assertThat(review.getDisplayFunctionName()).isEqualTo("bytebaseReview");
        WarningAction warning = review.getPersistentAction(WarningAction.class);
        assertThat(warning.getResult()).isEqualTo(Result.UNSTABLE);
        assertThat(warning.getMessage()).isEqualTo(REASON);
        assertThat(stagesOf(review)).contains("Review").doesNotContain("Deploy");
        assertThat(JenkinsRule.getLog(build)).contains("Bytebase check: " + REASON).contains("deploying");
    }

    /**
     * What people look at: Stage View (through its REST API, {@code wfapi}) and Pipeline Graph View (its {@code tree}).
     * The review stage is not the last one, whose status both take from the build's result.
     */
    @Test
    void shouldShowTheReviewStageUnstableInStageViewAndPipelineGraphView() throws Exception {
        WorkflowJob job = Fixtures.pipeline(j, stages(""));
        WorkflowRun build = j.buildAndAssertStatus(Result.UNSTABLE, job);

        JSONArray stageView = j.getJSON(build.getUrl() + "wfapi/describe")
                .getJSONObject()
                .getJSONArray("stages");
        assertThat(field(stageView, "Review", "status")).isEqualTo("UNSTABLE");
        JSONArray graphView = j.getJSON(build.getUrl() + "pipeline-overview/tree")
                .getJSONObject()
                .getJSONObject("data")
                .getJSONArray("stages");
        assertThat(field(graphView, "Review", "state")).isEqualTo("unstable");
    }

    @Test
    void shouldLeaveTheStageAloneWhenFindingsAreAllowedToSucceed() throws Exception {
        WorkflowJob job = Fixtures.pipeline(j, stages(", warningResult: 'SUCCESS'"));

        WorkflowRun build = j.buildAndAssertSuccess(job);

        assertThat(nodesWithWarnings(build)).isEmpty();
        assertThat(JenkinsRule.getLog(build)).contains("Bytebase check: " + REASON);
    }

    @Test
    void shouldFailTheStageWithAnErrorAndNoWarningWhenThePolicyFails() throws Exception {
        WorkflowJob job = Fixtures.pipeline(j, stages(", checkRelease: 'FAIL_ON_WARNING'"));

        WorkflowRun build = j.buildAndAssertStatus(Result.FAILURE, job);

        assertThat(nodesWithWarnings(build)).isEmpty();
        FlowNode review = new DepthFirstScanner()
                .findFirstMatch(build.getExecution(), node -> "bytebaseReview".equals(node.getDisplayFunctionName()));
        assertThat(review).isNotNull();
        assertThat(review.getError()).isNotNull();
        assertThat(review.getError().getError().getMessage()).contains("FAIL_ON_WARNING fails the check");
        assertThat(JenkinsRule.getLog(build)).doesNotContain("deploying");
    }

    private static String stages(String extraArguments) {
        return "stage('Review') {\n"
                + "  node {\n"
                + writeMigration(NULLABLE_SQL)
                + "    bytebaseReview project: '" + BytebaseSandbox.PROJECT + "', targets: "
                + targets(BytebaseSandbox.TEST_DATABASE) + ", filePattern: 'migrations/*.sql'" + extraArguments + "\n"
                + "  }\n"
                + "}\n"
                + "stage('Deploy') {\n"
                + "  echo 'deploying'\n"
                + "}\n";
    }

    /** A field of the stage named {@code stage} in a view's JSON list of stages. */
    private static String field(JSONArray stages, String stage, String field) {
        for (Object element : stages) {
            JSONObject json = (JSONObject) element;
            if (stage.equals(json.optString("name"))) {
                return json.optString(field);
            }
        }
        throw new AssertionError("No stage " + stage + " in " + stages);
    }

    private static List<FlowNode> nodesWithWarnings(WorkflowRun build) {
        return new DepthFirstScanner()
                .filteredNodes(build.getExecution(), node -> node.getPersistentAction(WarningAction.class) != null);
    }

    /** The names of the stages enclosing a node (a stage's blocks carry its name as their label). */
    private static List<String> stagesOf(FlowNode node) {
        return node.getEnclosingBlocks().stream().map(BlockStartNode::getDisplayName).toList();
    }
}
