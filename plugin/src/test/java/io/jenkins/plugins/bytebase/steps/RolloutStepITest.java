package io.jenkins.plugins.bytebase.steps;

import static io.jenkins.plugins.bytebase.Fixtures.FAILING_SQL;
import static io.jenkins.plugins.bytebase.Fixtures.NOT_NULL_SQL;
import static io.jenkins.plugins.bytebase.Fixtures.targets;
import static io.jenkins.plugins.bytebase.Fixtures.writeMigration;
import static io.jenkins.plugins.bytebase.sandbox.BytebaseSandbox.PROD_DATABASE;
import static io.jenkins.plugins.bytebase.sandbox.BytebaseSandbox.PROJECT;
import static io.jenkins.plugins.bytebase.sandbox.BytebaseSandbox.TEST_DATABASE;
import static org.assertj.core.api.Assertions.as;
import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.Result;
import io.jenkins.plugins.bytebase.Fixtures;
import io.jenkins.plugins.bytebase.sandbox.BytebaseSandbox;
import io.jenkins.plugins.bytebase.sandbox.BytebaseSandboxExtension;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.jenkinsci.plugins.workflow.support.steps.input.InputAction;
import org.jenkinsci.plugins.workflow.support.steps.input.InputStepExecution;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/** The merge flow: roll out to test, wait for a person, continue the same plan to prod. */
@WithJenkins
class RolloutStepITest {

    @RegisterExtension
    static BytebaseSandboxExtension sandboxes = new BytebaseSandboxExtension();

    /**
     * The Jenkinsfile of the documentation: the rollout is created inside the node (no target stage), and every wait
     * (the test stage, the approval, the prod stage) happens outside any node; the input is wrapped in a timeout.
     */
    static final String PROD_GATE = "def r\n"
            + "node {\n"
            + writeMigration(NOT_NULL_SQL)
            + "  r = bytebaseRollout project: '" + PROJECT + "', targets: " + targets(TEST_DATABASE, PROD_DATABASE)
            + ", filePattern: 'migrations/*.sql'\n"
            + "}\n"
            + "echo \"created: release=${r.release} plan=${r.plan} stages=${r.stages}\"\n"
            + "r = bytebaseRollout project: '" + PROJECT + "', plan: r.plan, targetStage: 'environments/test'\n"
            + "echo \"test map: release=${r.release} plan=${r.plan} rollout=${r.rollout} stages=${r.stages}\"\n"
            + "def approver\n"
            + "timeout(time: 10, unit: 'MINUTES') {\n"
            + "  approver = input message: 'Roll out to prod?', submitterParameter: 'approver'\n"
            + "}\n"
            + "def p = bytebaseRollout project: '" + PROJECT + "', plan: r.plan, targetStage: 'environments/prod'\n"
            + "echo \"prod map: release=${p.release} plan=${p.plan} rollout=${p.rollout} stages=${p.stages}"
            + " approver=${approver}\"\n";

    /** Part of the line the step prints when it is about to wait inside a node block. */
    static final String WAITS_INSIDE_NODE = "inside a node block holds its executor";

    private JenkinsRule j;
    private BytebaseSandbox sandbox;

    @BeforeEach
    void setUp(JenkinsRule j, BytebaseSandbox sandbox) throws Exception {
        this.j = j;
        this.sandbox = sandbox;
        Fixtures.useSandbox(sandbox);
    }

    @Test
    void shouldRollOutToTestThenWaitForApprovalThenContinueThePlanToProd() throws Exception {
        WorkflowJob job = Fixtures.pipeline(j, PROD_GATE);

        WorkflowRun build = job.scheduleBuild2(0).waitForStart();
        j.waitForMessage("Roll out to prod?", build);

        assertThat(sandbox.appliedVersions(TEST_DATABASE)).containsExactly("1.0.0");
        assertThat(sandbox.appliedVersions(PROD_DATABASE)).isEmpty();
        approve(build, "release-manager");
        j.assertBuildStatusSuccess(j.waitForCompletion(build));

        assertThat(sandbox.appliedVersions(PROD_DATABASE)).containsExactly("1.0.0");
        String log = JenkinsRule.getLog(build);
        String release = group(log, "test map: release=(\\S+) plan=");
        assertThat(release).startsWith(PROJECT + "/releases/");
        String plan = group(log, "test map: release=\\S+ plan=(\\S+) rollout=");
        assertThat(plan).startsWith(PROJECT + "/plans/");
        assertThat(log)
                .contains("test map: release=" + PROJECT + "/releases/")
                .contains("rollout=" + plan + "/rollout")
                .as("continuing the plan returns the release it deploys")
                .contains("prod map: release=" + release + " plan=" + plan + " rollout=" + plan + "/rollout")
                .contains("approver=release-manager")
                .contains(sandbox.url() + "/" + PROJECT + "/releases/")
                .contains(sandbox.url() + "/" + plan)
                .contains(sandbox.url() + "/" + plan + "/rollout");
        String prodStages = group(log, "prod map: .* stages=(.*) approver=");
        assertThat(prodStages).contains("environments/test").contains("environments/prod").contains("DONE");
        assertThat(log).contains("created: release=" + release + " plan=" + plan + " stages=");
        assertThat(group(log, "created: .* stages=(.*)"))
                .as("created without a target stage: nothing ran yet")
                .contains("environments/test")
                .contains("NOT_STARTED")
                .doesNotContain("DONE");
        assertThat(log)
                .as("every wait is outside the node: no advice to move it there")
                .doesNotContain(WAITS_INSIDE_NODE);
        assertThat(Fixtures.requests(sandbox, "POST", PROJECT + "/releases"))
                .as("the later calls continue the plan instead of creating a release")
                .filteredOn(request -> !request.path().contains("releases:check"))
                .hasSize(1);
        assertThat(Fixtures.requests(sandbox, "POST", PROJECT + "/plans")
                        .stream()
                        .filter(request -> request.path().matches("/v1/" + PROJECT + "/plans/?(\\?.*)?"))
                        .toList())
                .hasSize(1);
    }

    @Test
    void shouldRecommendWaitingOutsideTheNodeOnceWhenTheStepWaitsInsideIt() throws Exception {
        WorkflowJob job = Fixtures.pipeline(j, rolloutToTest(NOT_NULL_SQL, "environments/test"));

        WorkflowRun build = j.buildAndAssertSuccess(job);

        String log = JenkinsRule.getLog(build);
        assertThat(log.lines().filter(line -> line.contains(WAITS_INSIDE_NODE)))
                .singleElement(as(InstanceOfAssertFactories.STRING))
                .contains("environments/test")
                .contains("plan: r.plan");
        assertThat(sandbox.appliedVersions(TEST_DATABASE)).containsExactly("1.0.0");
    }

    @Test
    void shouldFailNamingTheTaskAndItsLinkWhenATaskFails() throws Exception {
        WorkflowJob job = Fixtures.pipeline(j, rolloutToTest(FAILING_SQL, "environments/test"));

        WorkflowRun build = j.buildAndAssertStatus(Result.FAILURE, job);

        String log = JenkinsRule.getLog(build);
        assertThat(log).contains(TEST_DATABASE).contains(sandbox.url() + "/" + PROJECT + "/plans/");
        assertThat(log).containsPattern(Pattern.quote(sandbox.url().toString()) + "/\\S+/tasks/\\S+");
        assertThat(sandbox.appliedVersions(TEST_DATABASE)).isEmpty();
    }

    @Test
    void shouldFailListingTheStagesWhenTheTargetStageDoesNotExist() throws Exception {
        WorkflowJob job = Fixtures.pipeline(j, rolloutToTest(NOT_NULL_SQL, "environments/staging"));

        WorkflowRun build = j.buildAndAssertStatus(Result.FAILURE, job);

        assertThat(JenkinsRule.getLog(build))
                .contains("environments/staging")
                .contains("environments/test")
                .contains("environments/prod");
        assertThat(sandbox.appliedVersions(TEST_DATABASE)).isEmpty();
        assertThat(sandbox.appliedVersions(PROD_DATABASE)).isEmpty();
    }

    private static String rolloutToTest(String sql, String stage) {
        return "node {\n"
                + writeMigration(sql)
                + "  bytebaseRollout project: '" + PROJECT + "', targets: " + targets(TEST_DATABASE, PROD_DATABASE)
                + ", filePattern: 'migrations/*.sql', targetStage: '" + stage + "'\n"
                + "}\n";
    }

    /** Approves the pending input as a person would, naming the approver. */
    static void approve(WorkflowRun build, String approver) throws Exception {
        Fixtures.await("the input to be pending", 30, () -> !executions(build).isEmpty());
        InputStepExecution execution = executions(build).get(0);
        execution.proceed(Map.<String, Object>of("approver", approver));
    }

    private static List<InputStepExecution> executions(WorkflowRun build) {
        InputAction action = build.getAction(InputAction.class);
        if (action == null) {
            return List.of();
        }
        try {
            return action.getExecutions();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static String group(String text, String regex) {
        Matcher matcher = Pattern.compile(regex).matcher(text);
        assertThat(matcher.find()).as("log matches %s", regex).isTrue();
        return matcher.group(1);
    }
}
