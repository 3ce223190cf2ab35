package io.jenkins.plugins.bytebase.steps;

import static io.jenkins.plugins.bytebase.Fixtures.NOT_NULL_SQL;
import static io.jenkins.plugins.bytebase.Fixtures.targets;
import static io.jenkins.plugins.bytebase.Fixtures.writeMigration;
import static io.jenkins.plugins.bytebase.sandbox.BytebaseSandbox.PROJECT;
import static io.jenkins.plugins.bytebase.sandbox.BytebaseSandbox.TEST_DATABASE;
import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.queue.QueueTaskFuture;
import io.jenkins.plugins.bytebase.Fixtures;
import io.jenkins.plugins.bytebase.sandbox.BytebaseSandbox;
import io.jenkins.plugins.bytebase.sandbox.BytebaseSandboxExtension;
import io.jenkins.plugins.bytebase.sandbox.SandboxOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/** Many builds waiting for their rollouts at once share the controller's one connection to Bytebase. */
@WithJenkins
class WaitingBuildsITest {

    private static final int BUILDS = 5;

    /** Each task stays PENDING and then RUNNING for 2 s, so the builds wait side by side. */
    @RegisterExtension
    static BytebaseSandboxExtension sandboxes =
            new BytebaseSandboxExtension(SandboxOptions.defaults().withTaskStepDelay(Duration.ofSeconds(2)));

    /** The documented shape: create inside the node, wait outside it. */
    private static final String CREATE_THEN_WAIT = "def r\n"
            + "node {\n"
            + writeMigration(NOT_NULL_SQL)
            + "  r = bytebaseRollout project: '" + PROJECT + "', targets: " + targets(TEST_DATABASE)
            + ", filePattern: 'migrations/*.sql'\n"
            + "}\n"
            + "r = bytebaseRollout project: '" + PROJECT + "', plan: r.plan, targetStage: 'environments/test'\n"
            + "echo \"waited: plan=${r.plan} stages=${r.stages}\"\n";

    @Test
    void shouldLogInAndProbeTheVersionOnceForFiveBuildsWaitingAtOnce(JenkinsRule j, BytebaseSandbox sandbox)
            throws Exception {
        Fixtures.useSandbox(sandbox);
        j.jenkins.setNumExecutors(BUILDS);
        List<QueueTaskFuture<WorkflowRun>> running = new ArrayList<>();
        for (int i = 0; i < BUILDS; i++) {
            WorkflowJob job = j.createProject(WorkflowJob.class, "wait-" + i);
            job.setDefinition(new CpsFlowDefinition(CREATE_THEN_WAIT, true));
            running.add(job.scheduleBuild2(0));
        }

        List<WorkflowRun> builds = new ArrayList<>();
        for (QueueTaskFuture<WorkflowRun> build : running) {
            builds.add(j.assertBuildStatusSuccess(build));
        }

        assertThat(builds).allSatisfy(build -> assertThat(JenkinsRule.getLog(build))
                .containsPattern("waited: plan=\\S+ stages=\\[environments/test:DONE\\]"));
        assertThat(sandbox.planNames()).hasSize(BUILDS);
        assertThat(Fixtures.requests(sandbox, "POST", "tasks:batchRun")).hasSize(BUILDS);
        assertThat(Fixtures.requests(sandbox, "POST", "/v1/auth/login"))
                .as("ten steps in five builds, one login")
                .hasSize(1);
        assertThat(Fixtures.requests(sandbox, "GET", "/v1/actuator/info"))
                .as("one version probe")
                .hasSize(1);
    }
}
